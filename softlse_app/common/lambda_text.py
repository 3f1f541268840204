"""λ as titles, read-outs and alt texts show it, one format for every page."""

from __future__ import annotations


def format_lambda(lam: float) -> str:
    """``λ = 10``, ``λ = 0.01``, ``λ = −10``: six significant digits (``%g``) and a true minus
    sign (U+2212), which plotly also uses on its axes."""
    return "λ = " + f"{lam:g}".replace("-", "\N{MINUS SIGN}")
