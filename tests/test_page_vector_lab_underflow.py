"""The vector lab writes a positive number that float64 holds as 0 as "0 (underflow)", never as
"0.0", which would tell a student that softmax puts exactly no weight on an entry, or that lse
equals max at a finite λ (a student-tester's finding). A 0 that is exact stays 0.0."""

from __future__ import annotations

import mpmath
import pytest
from markdown_tables import tables
from vector_lab_apptest import LSE, column_text, open_tab, readout_text, run_page

from softlse_app.common.number_format import UNDERFLOW_NOTE, UNDERFLOW_TEXT


def captions(at) -> list[str]:
    return [caption.value for caption in at.caption]


def test_the_sheets_s3_at_lambda_100_marks_its_underflowed_probabilities() -> None:
    """softmax((10, 20, 30), 100) is (e^−2000, e^−1000, 1) up to rounding: the first two are
    positive, about 10^−868.6 and 10^−434.3, and below float64's range."""
    with mpmath.workdps(30):
        first = mpmath.exp(-2000) / (1 + mpmath.exp(-1000) + mpmath.exp(-2000))
        assert 0 < first < mpmath.mpf("1e-800")
    at = run_page(v="10,20,30", lam="100")
    for name in ("softmax(σ, λ)", "softmax(σ + c, λ)", "softmax(a·σ, λ)", "softmax(σ, a·λ)"):
        assert column_text(at, 0, name) == [UNDERFLOW_TEXT, UNDERFLOW_TEXT, "1.0"]
    assert UNDERFLOW_NOTE in captions(at)


def test_the_gap_and_the_entropy_that_underflow_are_marked() -> None:
    at = open_tab(run_page(v="10,20,30", lam="100"), LSE)
    assert readout_text(at, "lse − max") == UNDERFLOW_TEXT
    assert readout_text(at, "entropy H(p) [nats]") == UNDERFLOW_TEXT
    assert readout_text(at, "lower bound of lse − max") == "0.0"  # log(1)/λ: exactly 0
    assert captions(at).count(UNDERFLOW_NOTE) == 1


def test_the_default_vector_has_no_underflow_and_no_note() -> None:
    at = run_page(v="1,2,3", lam="1")
    assert UNDERFLOW_TEXT not in column_text(at, 0, "softmax(σ, λ)")
    assert UNDERFLOW_NOTE not in captions(at)


def test_an_exact_zero_beside_the_winning_infinity_stays_zero() -> None:
    """The page takes finite entries only, but a·σ may overflow: with a = 10, 1e308 becomes
    +inf, and beside it the finite entries' 0 is the exact limit of softmax, not an
    underflow. The other columns' zeros there are underflows (e^(−λ·1e308))."""
    at = run_page(v="1e308,1,2", lam="1", a="10")
    assert column_text(at, 0, "a·σ")[0] == "inf"
    assert column_text(at, 0, "softmax(a·σ, λ)") == ["1.0", "0.0", "0.0"]
    assert column_text(at, 0, "softmax(σ, λ)") == ["1.0", UNDERFLOW_TEXT, UNDERFLOW_TEXT]
    lse_tab = open_tab(run_page(v="1,2", lam="1"), LSE)
    assert readout_text(lse_tab, "entropy H(p) [nats]") != UNDERFLOW_TEXT
    assert float(readout_text(lse_tab, "lse − max")) > 0


def test_a_textbook_zero_where_the_true_value_is_in_range_is_not_called_underflow() -> None:
    """At σ = (700, 710), λ = 1 the textbook's exp(710) overflows and its first entry reads
    0 (a finite number over inf), while the true value e^−10 = 4.5e−5 is in range: that 0
    is the formula failing, which the tab's verdict explains, not an underflow."""
    at = run_page(v="700,710", lam="1", section="Stable vs textbook")
    (table,) = [t for t in tables(at) if "textbook (no shift)" in t]
    rows = list(table["quantity"])
    first = rows.index("softmax(σ, λ), entry 1")
    assert float(table["textbook (no shift)"][first]) == 0.0  # as the column prints it
    assert table["textbook (no shift)"][first] != UNDERFLOW_TEXT
    assert float(table["stable (shift first)"][first]) == pytest.approx(4.5397868702e-05)
    assert UNDERFLOW_NOTE not in captions(at)
