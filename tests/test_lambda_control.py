"""The λ control (softlse_app.common.lambda_control.lambda_control): a log-scale slider, a box
for an exact λ and a sign switch, all on the query parameters ``lam`` and ``neg``."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from softlse_app.common.lambda_control import LAMBDA_MAGNITUDES, lambda_stops, read_typed_lambda

PAGES = Path(__file__).resolve().parent.parent / "pages"


def lambda_page() -> None:
    import streamlit as st

    from softlse_app.common.lambda_control import lambda_control
    from softlse_app.common.url_state import show_url_notes

    lam = lambda_control("test")
    show_url_notes("test")
    st.metric("λ in use", repr(lam))


def run(**query: str) -> AppTest:
    at = AppTest.from_function(lambda_page, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def used(at: AppTest) -> float:
    return float(at.metric[0].value)


def typed(at: AppTest, text: str) -> AppTest:
    at.text_input(key="lam_typed").input(text).run()
    assert not at.exception, at.exception
    return at


def notes(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


@pytest.mark.parametrize(
    ("text", "lam", "url"),
    [
        ("37", 37.0, {"lam": "37", "neg": None}),
        ("2.5", 2.5, {"lam": "2.5", "neg": None}),
        ("-2.5", -2.5, {"lam": "2.5", "neg": "true"}),
        (" 1e2 ", 100.0, {"lam": "100", "neg": None}),
        ("0.0123", 0.0123, {"lam": "0.0123", "neg": None}),
        # the minus sign the app itself prints (λ = −5), copied back into the box
        ("\N{MINUS SIGN}7", -7.0, {"lam": "7", "neg": "true"}),
        ("\N{MINUS SIGN}2.5e\N{MINUS SIGN}1", -0.25, {"lam": "0.25", "neg": "true"}),
    ],
)
def test_a_typed_lambda_is_used_exactly_and_written_to_the_link(
    text: str, lam: float, url: dict[str, str | None]
) -> None:
    at = typed(run(), text)
    assert used(at) == lam
    assert notes(at) == []
    assert at.select_slider(key="lam").value == abs(lam)  # the slider shows it as a stop
    # the address says it at once, so a link copied now shares this λ
    assert {key: at.query_params.get(key) for key in url} == url
    at.run()  # and still after the next run
    assert {key: at.query_params.get(key) for key in url} == url
    assert used(at) == lam
    assert at.text_input(key="lam_typed").value == f"{lam:.10g}"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("abc", "That is not a number"),
        ("", "The box is empty"),
        ("nan", "That is not a number"),
        ("0", "λ = 0 has no log-sum-exp"),
        ("1_000", "That is not a number"),
        ("\N{MINUS SIGN}\N{MINUS SIGN}7", "That is not a number"),
        ("\N{EN DASH}7", "That is not a number"),
        ("7\N{MINUS SIGN}", "That is not a number"),
    ],
)
def test_unusable_text_keeps_lambda_and_the_text_with_a_note(text: str, words: str) -> None:
    at = typed(run(lam="10"), text)
    assert used(at) == 10.0
    assert at.text_input(key="lam_typed").value == text  # what the person typed stays
    (note,) = notes(at)
    assert note.startswith(f":material/edit_note: {words}")
    assert note.endswith("λ stays 10.")
    assert not at.error


def test_a_size_out_of_range_is_clamped_with_a_note() -> None:
    at = typed(run(), "-1e999")
    assert used(at) == -1000.0
    (note,) = notes(at)
    assert "between 0.01 and 1000 in size; using -1000." in note
    at = typed(run(), "0.0001")
    assert used(at) == 0.01


def test_moving_the_slider_after_bad_text_shows_the_new_lambda_in_the_box() -> None:
    at = typed(run(), "abc")
    at.select_slider(key="lam").set_value(5.0).run()
    assert used(at) == 5.0
    assert notes(at) == []
    assert at.text_input(key="lam_typed").value == "5"


def test_the_sign_switch_flips_the_typed_lambda() -> None:
    at = typed(run(), "37")
    at.toggle(key="neg").set_value(True).run()
    assert used(at) == -37.0
    assert at.text_input(key="lam_typed").value == "-37"


def test_a_link_with_an_exact_lambda_is_kept_exactly() -> None:
    at = run(lam="37.5")
    assert used(at) == 37.5
    assert at.text_input(key="lam_typed").value == "37.5"
    assert not at.warning  # no note: the link's λ is used as written
    at = run(lam="-0.25")
    assert used(at) == -0.25
    assert at.toggle(key="neg").value is True


def test_slider_stops_gain_the_exact_value_in_order() -> None:
    assert lambda_stops(10.0) == LAMBDA_MAGNITUDES
    stops = lambda_stops(37.0)
    assert len(stops) == len(LAMBDA_MAGNITUDES) + 1
    assert list(stops) == sorted(stops)
    assert stops[stops.index(37.0) - 1 : stops.index(37.0) + 2] == (30.0, 37.0, 50.0)


def test_read_typed_lambda_says_what_stays() -> None:
    assert read_typed_lambda("37", 10.0) == (37.0, None)
    value, note = read_typed_lambda("x", -3.0)
    assert value is None
    assert note.endswith("λ stays -3.")
    assert read_typed_lambda("1e-3", 1.0)[0] == 0.01
    assert math.isclose(read_typed_lambda("-0.333333333333", 1.0)[0], -0.3333333333)


@pytest.mark.parametrize(
    ("page", "key", "sign_key"),
    [("lse_vs_max", "lam", "neg"), ("vector_lab", "lam", "neg"), ("softmax_grid", "glam", "gneg")],
)
def test_every_page_with_lambda_takes_a_typed_exact_value(
    page: str, key: str, sign_key: str
) -> None:
    at = AppTest.from_file(str(PAGES / f"{page}.py"), default_timeout=60)
    at.run(timeout=60)
    at.text_input(key=f"{key}_typed").input("-37").run(timeout=60)
    assert not at.exception, at.exception
    assert at.session_state[key] == 37.0
    assert at.session_state[sign_key] is True
    at.run(timeout=60)
    assert at.query_params.get(key) == "37"
    assert at.query_params.get(sign_key) == "true"


def test_typed_lambdas_one_after_another_are_each_taken() -> None:
    """After a typed λ the address holds it; the next typed λ must not be overridden by that
    (older) address text as if it were a new link."""
    at = run()
    for text, lam in [("1.23", 1.23), ("1.43", 1.43), ("-2.71", -2.71), ("37", 37.0)]:
        typed(at, text)
        assert used(at) == lam, text
        assert at.text_input(key="lam_typed").value == f"{lam:.10g}"
        assert at.query_params["lam"] == f"{abs(lam):.10g}"
    at.run()
    assert used(at) == 37.0
    assert at.query_params["lam"] == "37"
