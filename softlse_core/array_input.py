"""Normalising the inputs of the numerical functions: arrays, dtypes, axes and λ.

Rules shared by every function of :mod:`softlse_core`:

- ints and bools become float64; float16/float32 keep their dtype for the result but are
  computed in float64 (accurately, then rounded once) — except float32 softmax over an axis
  of length 2, which finishes in float32 arithmetic (see :func:`softlse_core.softmax`);
  float64 and longdouble are computed in their own precision. Complex input is refused
  (``TypeError``).
- λ must be a real number that is not NaN (``ValueError`` otherwise). Whether λ = 0 is
  allowed depends on the function.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "AxisInput",
    "FloatArray",
    "along_axis",
    "as_float_array",
    "as_real_array",
    "check_finite_nonzero_lam",
    "check_lam",
    "normalize_axis",
    "reduced_result",
    "widened",
]

#: A NumPy array of floats of any precision: what the functions of softlse_core take and give.
FloatArray = NDArray[np.floating[Any]]


def as_real_array(x: ArrayLike) -> tuple[FloatArray, np.dtype[Any]]:
    """Return ``(arr, out_dtype)``: the input as a float array in its own precision, and the
    dtype the result must have.

    Floating input is returned as it is (float16 and float32 too: the kernels that compute
    block by block choose their working precision themselves); ints and bools become
    float64. ``arr`` may share memory with ``x``: callers must not write into it. Complex
    input raises ``TypeError``.
    """
    arr = np.asarray(x)
    if arr.dtype.kind == "c":
        raise TypeError("complex input is not supported: log-sum-exp needs real numbers")
    if arr.dtype.kind == "f":
        return arr, arr.dtype
    if arr.dtype.kind in "biu":
        work = arr.astype(np.float64)
        return work, work.dtype
    try:
        work = arr.astype(np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"expected an array of real numbers, got dtype {arr.dtype}") from exc
    return work, work.dtype


def widened(arr: FloatArray) -> FloatArray:
    """``arr`` in the precision it is computed in: float64 for float16 and float32 (so they
    are computed accurately and rounded once at the end), its own for float64 and longdouble."""
    if arr.dtype.itemsize < 8:
        return arr.astype(np.float64)
    return arr


def as_float_array(x: ArrayLike) -> tuple[FloatArray, np.dtype[Any]]:
    """Return ``(work, out_dtype)``: the input as a float array to compute with, and the
    dtype the result must have.

    ``work`` is float64 for ints, bools, float16 and float32 input (float32 is therefore
    computed accurately), and the input's own dtype for float64 and longdouble. ``work``
    may share memory with ``x``: callers must not write into it.
    """
    arr, out_dtype = as_real_array(x)
    return widened(arr), out_dtype


def check_lam(lam: float) -> float:
    """λ as a Python float, refusing what is not a real number.

    Parameters
    ----------
    lam : float
        The inverse temperature: anything ``float()`` accepts, ±inf included.

    Returns
    -------
    float
        ``float(lam)``.

    Raises
    ------
    ValueError
        If λ is NaN or not a real number.

    Examples
    --------
    >>> from softlse_core.array_input import check_lam
    >>> check_lam(10), check_lam("-inf")
    (10.0, -inf)
    """
    try:
        value = float(lam)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"λ must be a real number, got {lam!r}") from exc
    if math.isnan(value):
        raise ValueError("λ is NaN: the inverse temperature must be a number")
    return value


def check_finite_nonzero_lam(lam: float, needs: str) -> float:
    """λ as a Python float for a quantity defined only at finite, nonzero λ.

    lse and its derivatives diverge at λ = 0; at λ = ±inf they are limits, not functions
    of λ.

    Parameters
    ----------
    lam : float
        The inverse temperature.
    needs : str
        What asked, named in the error message (e.g. "the gradient of lse").

    Returns
    -------
    float
        ``float(lam)``.

    Raises
    ------
    ValueError
        For λ = 0, ±inf, NaN or a non-number, naming ``needs``.

    Examples
    --------
    >>> from softlse_core.array_input import check_finite_nonzero_lam
    >>> check_finite_nonzero_lam(-2, "the Hessian")
    -2.0
    >>> check_finite_nonzero_lam(0.0, "the Hessian")
    Traceback (most recent call last):
        ...
    ValueError: the Hessian needs a finite, nonzero λ, got 0.0
    """
    value = check_lam(lam)
    if value == 0.0 or math.isinf(value):
        raise ValueError(f"{needs} needs a finite, nonzero λ, got {lam!r}")
    return value


def normalize_axis(axis: int, ndim: int) -> int:
    """Return ``axis`` as a non-negative index for an array of ``ndim`` dimensions.

    A 0-d input is treated as a vector of length 1 by the callers (they reshape it first),
    so ``ndim`` is at least 1 here.
    """
    if not -ndim <= axis < ndim:
        raise np.exceptions.AxisError(axis, ndim)
    return axis % ndim


class AxisInput(NamedTuple):
    """The input of a function that works along one axis, normalised by :func:`along_axis`."""

    #: the input as a float array in its own precision (see :func:`as_real_array`), at least 1-D
    arr: FloatArray
    #: the dtype of the result
    out_dtype: np.dtype[Any]
    #: the axis, non-negative
    axis: int
    #: the input's own shape (``()`` for a scalar, which ``arr`` holds as a vector of length 1)
    shape: tuple[int, ...]


def along_axis(x: ArrayLike, axis: int) -> AxisInput:
    """Normalise ``x`` and ``axis`` for a function along ``axis``; a scalar is a vector of
    length 1. Raises ``TypeError`` for complex input and ``AxisError`` for a bad axis."""
    arr, out_dtype = as_real_array(x)
    shape = arr.shape
    if arr.ndim == 0:
        arr = arr.reshape(1)
    return AxisInput(arr, out_dtype, normalize_axis(axis, arr.ndim), shape)


def reduced_result(result: ArrayLike, out_dtype: np.dtype[Any], axis: int, keepdims: bool) -> Any:
    """A reduction's result in ``out_dtype``: a NumPy scalar when nothing is left of the
    input's shape, otherwise an array (with ``axis`` kept as length 1 if ``keepdims``)."""
    result = np.asarray(result)
    if keepdims:
        result = np.expand_dims(result, axis)
    return result.astype(out_dtype, copy=False)[()]
