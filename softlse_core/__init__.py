"""softlse_core: log-sum-exp and softmax with an inverse temperature λ, in NumPy.

The numerics of softlse, the soft-maximum explorer, usable on their own: NumPy is the only
dependency.

- :func:`lse`, :func:`softmax`: computed accurately for every λ (Algorithm 4.1 and the
  shifted softmax of Blanchard, Higham & Higham 2021), fast on long vectors and on grids
  of pairs; :func:`naive_lse`, :func:`naive_softmax`: the textbook formulas, which overflow.
- :func:`onehot_argmax`: the λ → ∞ limit of softmax, with ties shared by a
  :data:`TieRule` (one of :data:`TIE_RULES`).
- :func:`lse_gap`, :func:`lse_gap_bounds`: lse − max computed directly, and its bounds
  log(m)/λ and log(n)/λ.
- :func:`entropy`, :func:`entropy_identity`: lse(x, λ) = ⟨softmax(x, λ), x⟩ + H/λ.
- :func:`lse_gradient_fd`, :func:`lse_hessian`, :func:`softmax_lambda_sweep`: derivatives
  and sweeps over λ.
- :func:`parse_vector`, :class:`VectorParseError`: a strict reader of typed vectors;
  :func:`entries_rounded_to_zero` names the entries it read as 0 though written nonzero.
- :data:`FloatArray`: the type of the float arrays these take and return.

Every function states its formula and edge cases (λ < 0, λ = 0, ±inf, NaN, infinities,
ties, empty input, float32) in its docstring, with examples that run as doctests. What this
module exports is the public API; ``array_input``, ``logsumexp_kernels``,
``softmax_kernels``, ``pair_blocks`` and ``wide_spread`` are its internals.

Unlike ``scipy.special``, the functions that take an ``axis`` work along the last one by
default (``axis=None`` takes the whole array, a tuple of axes takes them as one), lse and
softmax take λ and give the limits at infinite entries instead of NaN, and what is not an
array of real numbers (complex, text, dates, ``None`` entries, masked arrays) raises
``TypeError``.

Examples
--------
>>> from softlse_core import lse, softmax
>>> print(softmax([1, 2, 3]))
[0.09003057 0.24472847 0.66524096]
>>> float(lse([1, 2, 3], 10.0))
3.0000045400960276
"""

__version__ = "0.1.0"

from softlse_core.array_input import FloatArray
from softlse_core.derivatives import lse_gradient_fd, lse_hessian, softmax_lambda_sweep
from softlse_core.entropy import entropy, entropy_identity, softmax_entropy
from softlse_core.logsumexp import lse, naive_lse
from softlse_core.lse_gap import lse_gap, lse_gap_bounds
from softlse_core.softmax import TIE_RULES, TieRule, naive_softmax, onehot_argmax, softmax
from softlse_core.vector_input import VectorParseError, entries_rounded_to_zero, parse_vector

__all__ = [
    "TIE_RULES",
    "FloatArray",
    "TieRule",
    "VectorParseError",
    "__version__",
    "entries_rounded_to_zero",
    "entropy",
    "entropy_identity",
    "lse",
    "lse_gap",
    "lse_gap_bounds",
    "lse_gradient_fd",
    "lse_hessian",
    "naive_lse",
    "naive_softmax",
    "onehot_argmax",
    "parse_vector",
    "softmax",
    "softmax_entropy",
    "softmax_lambda_sweep",
]
