"""Back and Forward in a real browser: each page visit is one history entry that keeps the
page's full address, and the page shows what the address it lands on says
(softlse_app.common.history_entries and softlse_app.common.url_state)."""

from __future__ import annotations

import pytest
from app_page import AppPage
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_back_returns_to_the_vector_the_student_had(app: AppPage) -> None:
    app.open("/vector_lab", charts=1)
    app.type_into("v", "10, 20, 30", charts=1)
    app.press_on_slider("lam", "ArrowRight", charts=1)  # λ 1 → 1.5
    app.expect_query("v", "10, 20, 30")
    app.click_nav("Home")
    app.expect_path("")
    app.page.go_back()
    app.expect_path("vector_lab")
    app.expect_input_value("v", "10, 20, 30")  # not the default 1, 2, 3
    app.expect_slider_value("lam", "1.5")
    app.expect_query("v", "10, 20, 30")
    app.expect_query("lam", "1.5")
    app.wait_settled(charts=1)
    app.assert_healthy(charts=1)


def test_one_back_step_returns_to_a_page_with_its_parameters(app: AppPage) -> None:
    app.open("/", charts=0)
    app.click_nav("LSE vs max", charts=1)
    app.press_on_slider("lam", "ArrowRight", charts=1)
    app.press_on_slider("extent", "ArrowRight", charts=1)
    app.expect_query("extent", "2")
    app.click_nav("Home")
    app.expect_path("")
    app.page.go_back()
    app.expect_path("lse_vs_max")
    app.expect_slider_value("lam", "1.5")
    app.expect_slider_value("extent", "2")
    app.expect_query("extent", "2")
    app.page.go_back()  # one step more is the page before: Home
    app.expect_path("")


def test_back_from_a_page_link_with_parameters_returns_to_the_sheet_as_it_was(
    app: AppPage,
) -> None:
    """The sheet's link into the vector lab carries ``v`` and ``c``; Streamlit pushed them on
    the sheet's path first, and Back from the vector lab landed there: the sheet with the
    vector lab's parameters and its predictions gone. Back returns to the sheet's own address,
    and Forward to the vector lab with the link's vector and offset."""
    app.open("/sheet?reveal=a&pa2=0.99", charts=1)
    link = app.page.locator('[data-testid="stPageLink-NavLink"]').filter(has_text="offset c = 10")
    app.rerun(link.first.click, charts=1)
    app.expect_path("vector_lab")
    app.expect_input_value("v", "1,2,3")
    app.expect_query("c", "10.0")

    app.page.go_back()
    app.expect_path("sheet")
    app.expect_query("pa2", "0.99")
    app.expect_query("reveal", "a")
    app.expect_query("v", None)
    app.expect_query("c", None)
    app.expect_input_value("pa2", "0.99")
    app.wait_settled(charts=1)
    app.assert_healthy(charts=1)

    app.page.go_forward()
    app.expect_path("vector_lab")
    app.expect_input_value("v", "1,2,3")
    app.wait_settled(charts=1)
    # the link's c as well: it was lost here (the box at 0 and c gone from the address)
    app.expect_input_value("c", "10")
    app.expect_query("c", "10.0")
    app.assert_healthy(charts=1)


def test_a_corrected_link_says_its_view_at_once_and_back_shows_the_same_view(
    app: AppPage,
) -> None:
    """``lam=-10`` is read as λ = 10 with "negative λ" on, and ``res=99999`` as 801. The
    address said so only after the person's first interaction (it read ``/lse_vs_max`` until
    then, so a link copied at once opened the defaults), Streamlit pushed one history entry
    per parameter it dropped, and Back to the link showed λ = 1 under ``lam=-10``. Now the
    address is corrected in the link's own run, as one entry, and Back to the link as it was
    opened shows the same view again."""
    app.open("/", charts=0)
    before = app.page.evaluate("() => history.length")
    app.open("/lse_vs_max?lam=-10&res=99999", charts=3)
    app.expect_query("lam", "10")  # no interaction yet
    app.expect_query("neg", "true")
    app.expect_query("res", "801")
    assert app.page.evaluate("() => history.length") == before + 2  # the link, corrected

    app.rerun(app.page.go_back, charts=3)  # to the link as it was opened
    # the link as opened, or its corrected form if that run wrote it again (same view)
    assert (app.query("lam"), app.query("neg")) in {("-10", None), ("10", "true")}
    app.expect_slider_value("lam", "10")
    app.expect_slider_value("res", "801")
    assert app.page.locator(".st-key-neg input").is_checked()
    app.assert_healthy(charts=3)
    app.page.go_back()  # one step more is the page before the link
    app.expect_path("")


def test_a_sheet_link_opens_the_view_it_names_after_another_link(app: AppPage) -> None:
    """The link "s1 rescaled by a = 10" after "offset c = 10" (and λ moved there) opened with
    c = 10 and that λ: links named only what differed from the defaults, and the lab's controls
    keep their last values on entering. Each link now sets every control of the view."""
    app.open("/sheet?reveal=a", charts=1)
    links = app.page.locator('[data-testid="stPageLink-NavLink"]')
    app.rerun(links.filter(has_text="offset c = 10").first.click, charts=1)
    app.expect_path("vector_lab")
    app.expect_input_value("c", "10")
    app.press_on_slider("lam", "ArrowRight", charts=1)  # λ 1 → 1.5
    app.expect_query("lam", "1.5")

    app.click_nav("Exercise sheet", charts=1)
    app.expect_path("sheet")
    app.rerun(links.filter(has_text="rescaled by a = 10").first.click, charts=1)
    app.expect_path("vector_lab")
    app.expect_input_value("a", "10")
    app.expect_input_value("c", "0")
    app.expect_slider_value("lam", "1")
    app.expect_query("a", "10.0")
    app.expect_query("c", None)
    app.expect_query("lam", None)
    app.assert_healthy(charts=1)


def expect_lse_title(app: AppPage, text: str) -> None:
    """Wait (bounded) until the LSE page's lse panel is titled ``text`` — the λ it draws —
    and no other title of it is left on the page (a chart being replaced has two)."""
    app.page.wait_for_function(
        """(text) => {
          const titles = [...document.querySelectorAll('.st-key-explore_lse .g-gtitle')];
          return titles.length > 0 && titles.every((t) => t.textContent === text);
        }""",
        arg=text,
        timeout=app.timeout_ms,
    )


def history_length(app: AppPage) -> int:
    return int(app.page.evaluate("history.length"))


def test_a_typed_lambda_is_one_history_entry_and_back_shows_what_the_address_says(
    app: AppPage,
) -> None:
    """Typing a λ of the other sign sets the slider and the sign switch: one change of
    address, one history entry. (Each bound widget used to tell the browser on its own:
    ``?lam=7&neg=true`` and then ``?lam=7``, and Back landed on λ = −7, which nobody chose.)
    Back and Forward then show what the address says, sign included — Back to the address
    without ``neg`` once drew λ = −1 beside a switch that was off — and a note about text
    that could not be used goes once the address has set λ."""
    app.open("/lse_vs_max", charts=3)
    start = history_length(app)
    app.type_into("lam_typed", "-2.5", charts=3)
    app.expect_query("lam", "2.5")
    app.expect_query("neg", "true")
    expect_lse_title(app, "lse((x, y), λ = −2.5)")
    assert history_length(app) == start + 1
    app.type_into("lam_typed", "7", charts=3)
    app.expect_query("neg", None)
    app.expect_query("lam", "7")
    expect_lse_title(app, "lse((x, y), λ = 7)")
    assert history_length(app) == start + 2
    app.type_into("lam_typed", "banana", charts=3)
    note = app.page.get_by_text(
        "That is not a number: type a number such as 37 or -2.5; λ stays 7."
    )
    expect(note).to_be_visible(timeout=app.timeout_ms)
    assert history_length(app) == start + 2  # nothing new to remember

    app.page.go_back()
    app.expect_query("lam", "2.5")
    app.expect_query("neg", "true")
    expect_lse_title(app, "lse((x, y), λ = −2.5)")
    app.expect_slider_value("lam", "2.5")
    expect(app.page.locator(".st-key-neg input")).to_be_checked(timeout=app.timeout_ms)
    app.expect_input_value("lam_typed", "-2.5")
    expect(note).to_have_count(0, timeout=app.timeout_ms)
    app.page.go_back()
    app.expect_query("lam", None)
    app.expect_query("neg", None)
    expect_lse_title(app, "lse((x, y), λ = 1)")
    expect(app.page.locator(".st-key-neg input")).not_to_be_checked(timeout=app.timeout_ms)
    app.expect_input_value("lam_typed", "1")
    app.page.go_forward()
    app.expect_query("lam", "2.5")
    app.expect_query("neg", "true")
    expect_lse_title(app, "lse((x, y), λ = −2.5)")
    app.wait_settled(charts=3)
    app.assert_healthy(charts=3)


def test_a_note_on_unusable_lambda_text_goes_with_the_text(app: AppPage) -> None:
    """Away through the sidebar and back: the box shows the λ in use again (its unusable
    text went with the page), so the note "λ stays 10" that explained that text goes too."""
    app.open("/lse_vs_max", charts=3)
    app.type_into("lam_typed", "10", charts=3)
    app.type_into("lam_typed", "banana", charts=3)
    note = app.page.get_by_text("λ stays 10.")
    expect(note).to_be_visible(timeout=app.timeout_ms)
    app.click_nav("Home")
    app.expect_path("")
    app.click_nav("LSE vs max", charts=3)
    app.expect_slider_value("lam", "10")
    app.expect_input_value("lam_typed", "10")
    expect(note).to_have_count(0, timeout=app.timeout_ms)
    app.assert_healthy(charts=3)
