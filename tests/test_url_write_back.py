"""A value corrected from a link reaches the address bar in the link's own run, so a link
copied at once reproduces the view (softlse_app.common.url_state and
softlse_app.common.link_write_back).

AppTest keeps the query string the page writes, as the browser's address bar does; the
browser test ``test_corrected_link_values_reach_the_address_bar`` checks the same in Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

PAGES = Path(__file__).resolve().parent.parent / "pages"

CASES = [
    # page, link parameters, what the address bar holds after the next run
    ("lse_vs_max", {"lam": "-5000"}, {"lam": "1000", "neg": "true"}),
    ("lse_vs_max", {"lam": "-10"}, {"lam": "10", "neg": "true"}),
    ("lse_vs_max", {"res": "1000000000"}, {"res": "801"}),
    ("vector_lab", {"c": "5000", "a": "1e999"}, {"c": "1000.0", "a": "100.0"}),
    ("vector_lab", {"lam": "1e999", "section": "SIMPLEX"}, {"lam": "1000", "section": "Simplex"}),
    ("softmax_grid", {"res": "99999"}, {"res": "401"}),
    # corrected to the control's minimum (Streamlit's own default if created without value=)
    ("vector_lab", {"a": "-1e999"}, {"a": "-100.0"}),
    ("lse_vs_max", {"lam": "-0.001"}, {"lam": "0.01", "neg": "true"}),
    ("lse_vs_max", {"slice": "true", "y": "-5"}, {"y": "-1"}),  # y: on screen with the slice
    ("lse_vs_max", {"slice": "yes"}, {"slice": "true"}),
    # read without a note but not in the page's own form
    ("lse_vs_max", {"lam": "10.0", "neg": "yes"}, {"lam": "10", "neg": "true"}),
    ("lse_vs_max", {"lam": "3.70e1"}, {"lam": "37"}),  # any λ in range is kept exactly
    ("lse_vs_max", {"view": "SHEET"}, {"view": "sheet"}),
    ("vector_lab", {"digits": "FULL"}, {"digits": "full precision"}),
    ("vector_lab", {"digits": "99"}, {"digits": "17"}),
    # the tables' default (8 digits) leaves the link, as every control's default does
    ("vector_lab", {"digits": "8"}, {"digits": None}),
]


@pytest.mark.parametrize(("page", "link", "written"), CASES, ids=lambda c: str(c))
def test_corrected_values_are_written_back_and_the_note_goes(
    page: str, link: dict[str, str], written: dict[str, str]
) -> None:
    at = AppTest.from_file(str(PAGES / f"{page}.py"), default_timeout=30)
    for key, value in link.items():
        at.query_params[key] = value
    at.run(timeout=30)
    assert not at.exception
    assert {key: at.query_params.get(key) for key in written} == written  # at once
    shown = {key: at.session_state[key] for key in written}
    at.run(timeout=30)  # the next run, as the person's first interaction makes
    assert not at.exception
    assert {key: at.query_params.get(key) for key in written} == written
    assert {key: at.session_state[key] for key in written} == shown  # the view stays
    at.run(timeout=30)
    assert not at.warning  # the link now says what the page shows: no note left


def test_a_value_the_person_sets_is_not_overridden_by_the_write_back() -> None:
    at = AppTest.from_file(str(PAGES / "vector_lab.py"), default_timeout=30)
    at.query_params["c"] = "5000"
    at.run(timeout=30)
    at.number_input(key="c").set_value(3.0).run(timeout=30)
    assert at.session_state["c"] == 3.0
    assert at.query_params["c"] == "3.0"
    at.run(timeout=30)
    assert at.session_state["c"] == 3.0


@pytest.mark.parametrize(
    ("page", "key", "values", "control"),
    [
        ("lse_vs_max", "lam", ["2", "50"], 50.0),
        ("sheet", "pa1", ["sharper", "flatter"], "flatter"),
        ("vector_lab", "lam", ["1", "abc"], None),  # the last is read, and is not a number
        ("vector_lab", "v", ["1,2", "3,4,5"], "3,4,5"),  # the box reads the URL itself
    ],
)
def test_a_parameter_given_twice_is_read_from_its_last_value_with_a_note(
    page: str, key: str, values: list[str], control: object
) -> None:
    """?lam=2&lam=50 is not silently one or the other: the page says it read the last."""
    at = AppTest.from_file(str(PAGES / f"{page}.py"), default_timeout=30)
    at.query_params[key] = values
    at.run(timeout=30)
    assert not at.exception
    (note,) = [w.value for w in at.warning if f"`{key}`" in w.value]
    assert note.startswith(
        f"URL parameter `{key}` appears 2 times; the page reads the last, `{values[-1]}`."
    )
    if control is not None:
        assert at.session_state[key] == control
    else:
        assert "not a number" in note  # the last value's own note follows


def test_a_linked_value_comes_back_with_its_address_after_another_page_ran() -> None:
    """Back or Forward to ``/vector_lab?c=10.0`` after another page ran: the box's state went
    while that page ran, and the value the link had set was still waiting to be read back
    from the address. That address is read anew, so c is 10 again, not the default 0 (it
    was: the address was taken for the page's own text)."""
    at = AppTest.from_file(str(PAGES.parent / "app.py"), default_timeout=30)
    at.switch_page("pages/vector_lab.py")
    at.query_params["c"] = "10"  # the sheet's link says c=10; the page writes 10.0
    at.run(timeout=30)
    assert at.session_state["c"] == 10.0
    at.switch_page("pages/sheet.py")
    at.query_params.clear()
    at.run(timeout=30)
    assert not at.exception
    assert "c" not in at.session_state  # the vector lab's box went with its page
    at.switch_page("pages/vector_lab.py")
    at.query_params["c"] = "10.0"  # the history entry the browser goes back or forward to
    at.run(timeout=30)
    assert not at.exception
    assert at.session_state["c"] == 10.0
    assert at.number_input(key="c").value == 10.0
    assert at.query_params.get("c") == "10.0"
    assert not at.warning  # the page's own form of the value: no note about the link


@pytest.mark.parametrize(
    ("page", "typed"),
    [
        ("vector_lab", {"c": -7.5, "a": 3.0}),
        ("softmax_grid", {"px": -0.3, "py": 0.6}),
    ],
)
def test_typed_boxes_are_kept_through_a_trip_to_another_page(
    page: str, typed: dict[str, float]
) -> None:
    """A student's review: c and a (and the gradient's check point) went back to their
    defaults after a trip through the sidebar to another page and back, while every bound
    control kept its value. These boxes are not bound (they write the link themselves), so
    Streamlit did not keep their parameters; they now hold the number they held last."""
    at = AppTest.from_file(str(PAGES.parent / "app.py"), default_timeout=30)
    at.switch_page(f"pages/{page}.py")
    at.run(timeout=30)
    for key, value in typed.items():
        at.number_input(key=key).set_value(value).run(timeout=30)
    assert {key: at.query_params.get(key) for key in typed} == {
        key: repr(value) for key, value in typed.items()
    }
    at.switch_page("pages/sheet.py")
    at.query_params.clear()  # what Streamlit leaves of another page's unbound parameters
    at.run(timeout=30)
    assert not at.exception
    at.switch_page(f"pages/{page}.py")  # through the navigation: no parameters
    at.run(timeout=30)
    assert not at.exception
    assert {key: at.number_input(key=key).value for key in typed} == typed
    assert {key: at.query_params.get(key) for key in typed} == {
        key: repr(value) for key, value in typed.items()
    }
    assert not at.warning
