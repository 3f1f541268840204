"""The "Offset and scale" verdicts as a person reads them: every sentence true for the numbers
on the screen, including sizes where rounding makes a check meaningless (the student
walkthrough found σ = 1e300, 2e300, 3e300 'confirmed' with a rounding bound of 9e+284 on a
difference of probabilities)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy.special import entr
from scipy.special import softmax as scipy_softmax
from vector_lab_apptest import run_page

from softlse_app.vector_lab.numbers import offset_scale_numbers
from softlse_app.vector_lab.verdicts import Verdict, offset_verdict, scale_verdict
from softlse_core import softmax


def verdicts(sigma: list[float], lam: float = 1.0, c: float = 0.0, a: float = 1.0) -> tuple:
    v = offset_scale_numbers(np.array(sigma), lam, c, a).verdicts
    return offset_verdict(v, c), scale_verdict(v, lam, a)


def entropy(p: np.ndarray) -> str:
    return f"{float(np.sum(entr(p))):.6g}"


def test_an_ordinary_offset_and_scale_are_confirmed_with_their_numbers() -> None:
    offset, scale = verdicts([0.001, 0.002, 0.003], lam=1000.0, c=1000.0, a=2.0)
    assert offset.holds
    assert offset.text.startswith("**Offset c = 1000: softmax unchanged.**")
    # the two columns of the table it compares: σ + c = 1000.001, … lost digits of σ
    sigma = np.array([0.001, 0.002, 0.003])
    diff = np.max(np.abs(softmax(sigma + 1000, 1000.0) - softmax(sigma, 1000.0)))
    assert 1e-12 < diff < 1e-10
    shown = float(re.search(r"\| = ([\d.e+-]+), within float64 rounding", offset.text)[1])
    assert shown == pytest.approx(diff, rel=5e-3)
    assert "(about 9e-10)" in offset.text  # 8u·(1000·1000.003 + 3)
    assert scale.holds
    assert scale.text.startswith("**Scale a = 2: the same as λ → a·λ = 2000.**")
    p, sharper = scipy_softmax([1.0, 2, 3]), scipy_softmax([2.0, 4, 6])
    assert (
        f"|a| > 1 sharpens softmax: entropy {entropy(p)} → {entropy(sharper)} nats." in scale.text
    )


def test_identical_vectors_say_so_instead_of_quoting_a_bound() -> None:
    offset, _ = verdicts([1.0, 2.0, 3.0])
    assert offset == Verdict(
        True,
        "**Offset c = 0: softmax unchanged.** max |softmax(σ + c, λ) − softmax(σ, λ)| = 0: "
        "the two agree in every digit. Here c = 0 leaves σ as it is; try another c.",
    )


@pytest.mark.parametrize(
    ("sigma", "c", "size", "shift"),
    [
        ([1e300, 2e300, 3e300], 1e290, "reach about 3e+300", "about 3e+285"),
        ([1e308, -1e308, 0.0], 1e298, "reach about 1e+308", "about 9e+292"),
        ([1e15, 2e15], 0.5, "reach about 2e+15", "about 2."),
    ],
)
def test_huge_entries_make_the_checks_not_informative_and_the_page_says_so(
    sigma: list[float], c: float, size: str, shift: str
) -> None:
    offset, scale = verdicts(sigma, c=c)  # c changes σ: σ + c is rounded
    for verdict in (offset, scale):
        assert not verdict.holds  # a neutral box, never "confirmed"
        assert "not informative here" in verdict.text
        assert size in verdict.text
        assert f"can shift them by {shift}" in verdict.text
        assert "rounding can swamp the comparison" in verdict.text
        assert "softmax unchanged" not in verdict.text


def test_exponents_beyond_the_largest_double_are_named_as_such() -> None:
    offset, scale = verdicts([1e308, 1.5e308], lam=10.0, c=1e300)
    for verdict in (offset, scale):
        assert "exceed the largest double (about 1.8e+308)" in verdict.text
        assert "inf" not in verdict.text.replace("informative", "")


def test_an_overflowing_scale_is_not_called_the_same_as_a_change_of_lambda() -> None:
    # 100 · 3e307 overflows: softmax(a·σ, λ) sees three infinities and is uniform
    _, scale = verdicts([1e307, 2e307, 3e307], a=100.0)
    assert not scale.holds
    assert "a·σ overflows here" in scale.text
    assert "= 0.667" in scale.text  # |1/3 − 1| on the largest entry
    assert "softmax(σ, a·λ) never forms a·σ: it is the one to trust" in scale.text
    # its shape is judged on softmax(σ, a·λ), one-hot before and after: no false "entropy 0 → 1.1"
    assert "softmax is already one-hot in float64 (entropy 0)" in scale.text


def test_tiny_entries_and_tiny_scales_are_ordinary() -> None:
    offset, scale = verdicts([1e-300, 2e-300, 3e-300], c=1000.0)
    assert offset.holds
    assert "softmax unchanged" in offset.text
    _, scale = verdicts([1.0, 2.0, 3.0], a=1e-300)
    assert scale.holds
    assert scale.text.startswith("**Scale a = 1e−300: the same as λ → a·λ = 1e−300.**")
    assert "|a| < 1 flattens softmax: entropy 0.832396 → 1.09861 nats." in scale.text


@pytest.mark.parametrize(
    ("lam", "moves"),
    [
        (10.0, "turns the soft maximum into a soft minimum (the mass moves to min σ)"),
        (-10.0, "turns the soft minimum into a soft maximum (the mass moves to max σ)"),
    ],
)
def test_a_negative_scale_moves_the_mass_to_the_other_end_for_either_sign_of_lambda(
    lam: float, moves: str
) -> None:
    sigma = np.array([1.0, 2.0, 3.0])
    _, scale = verdicts(list(sigma), lam=lam, a=-2.0)
    assert scale.holds
    assert f"a < 0 {moves}" in scale.text
    # sharper than softmax(−σ, λ), the distribution it is a sharpened copy of
    before, after = scipy_softmax(-lam * sigma), scipy_softmax(-2 * lam * sigma)
    assert f"entropy {entropy(before)} → {entropy(after)} nats" in scale.text
    where = np.argmax(scipy_softmax(-2 * lam * sigma))
    assert sigma[where] == (sigma.min() if lam > 0 else sigma.max())


def test_a_negative_scale_compares_its_sharpness_with_the_mirrored_softmax() -> None:
    # softmax(σ, 1) is nearly one-hot on 10; a = −2 spreads the mass over the three zeros,
    # sharper than softmax(−σ, 1) but far flatter than softmax(σ, 1): "sharpens" must compare
    # with the former
    _, scale = verdicts([0.0, 0.0, 0.0, 10.0], a=-2.0)
    assert "|a| > 1 sharpens it, compared with softmax(−σ, λ): entropy 1.09878 → 1.09861" in (
        scale.text
    )


def test_the_page_shows_a_huge_vectors_verdicts_in_neutral_boxes() -> None:
    # c = 5 is absorbed by entries of 1e300 (σ + c is σ), so only that is confirmed
    at = run_page(v="1e300, 2e300, 3e300", c="5")
    (absorbed,) = [s.value for s in at.success]
    assert absorbed.startswith("**Offset c = 5: softmax unchanged.**")
    assert "σ + c is σ itself: c is smaller than the spacing of doubles" in absorbed
    texts = [i.value for i in at.info]
    assert sum("not informative here" in text for text in texts) == 1  # the scale's
    assert not any("e+284" in text for text in texts)


def test_a_scale_that_cannot_change_the_entropy_says_why() -> None:
    _, scale = verdicts([5.0, 5.0, 5.0], a=-2.0)
    assert scale.text.endswith("All entries of σ are equal, so softmax is uniform whatever a is.")
    assert "soft minimum" not in scale.text  # nothing moves: every entry is the minimum
    _, scale = verdicts([1.0, 2.0, 3.0], lam=1000.0, a=100.0)  # exp(−1000) is 0 in float64
    assert "sharpens softmax, but not here: softmax is already one-hot in float64" in scale.text
    _, scale = verdicts([1e-300, 2e-300, 3e-300], a=2.0)  # log 3 − about 1e-600
    assert "sharpens softmax, but too little to show: the entropy stays 1.09861 nats" in scale.text


@pytest.mark.parametrize("c", [0.0, 1.0])
def test_an_offset_that_leaves_sigma_as_it_is_is_confirmed_even_for_huge_entries(c: float) -> None:
    """σ + 0 (or σ + 1 with entries of 1e306, which absorb it) is σ itself: softmax is computed
    from the same numbers, so the check is exact, not 'swamped by rounding'."""
    offset, _ = verdicts([2e306, 1e306], lam=0.01, c=c)
    assert offset.holds
    assert "not informative" not in offset.text


def test_a_nearly_one_hot_softmax_gets_its_entropy_right() -> None:
    # softmax([100, 200, 300]) has its largest entry 1 − e^-100, which rounds to 1; the
    # entropy taken from those probabilities dropped that entry's term: 3.72008e-42 was shown,
    # where H = 3.75728e-42 (mpmath)
    _, scale = verdicts([1.0, 2.0, 3.0], lam=1.0, a=100.0)
    assert "|a| > 1 sharpens softmax: entropy 0.832396 → 3.75728e-42 nats." in scale.text
