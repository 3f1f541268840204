"""λ in words, one form for every page: the number as titles, read-outs and alt texts show it,
and the name of the hard limit lse tends to, which λ's sign picks."""

from __future__ import annotations

from softlse_app.common.number_format import format_signed


def format_lambda(lam: float) -> str:
    """``λ = 10``, ``λ = 0.01``, ``λ = −10``: six significant digits (``%g``) and a true minus
    sign (U+2212), which plotly also uses on its axes."""
    return "λ = " + format_signed(lam)


def hard_name(lam: float) -> str:
    """``"max"`` for λ > 0 and ``"min"`` for λ < 0: what lse tends to as |λ| → ∞."""
    return "max" if lam > 0 else "min"
