"""softlse_core: the pure numerics of softlse (no streamlit, no plotly in these modules).

Log-sum-exp and softmax with an inverse temperature λ, computed exactly (Algorithm 4.1 of
Blanchard, Higham & Higham 2021) and fast, their limits, bounds, derivatives, the entropy
identity and the strict reader of typed vectors.
"""

from softlse_core.derivatives import lse_gradient_fd, lse_hessian, softmax_lambda_sweep
from softlse_core.entropy import entropy, entropy_identity
from softlse_core.logsumexp import lse, naive_lse
from softlse_core.lse_gap import lse_gap, lse_gap_bounds
from softlse_core.softmax import naive_softmax, onehot_argmax, softmax
from softlse_core.vector_input import VectorParseError, parse_vector

__all__ = [
    "VectorParseError",
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
    "softmax_lambda_sweep",
]
