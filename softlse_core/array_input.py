"""Normalising the inputs of the numerical functions: arrays, dtypes, axes and λ.

Rules shared by every function of :mod:`softlse_core`:

- ints and bools become float64; float16/float32 keep their dtype for the result but are
  computed in float64 (accurately, then rounded once) — except float32 softmax over an axis
  of length 2, which finishes in float32 arithmetic (see :func:`softlse_core.softmax`);
  float64 and longdouble are computed in their own precision. Byte-swapped (big-endian)
  floats are read in the machine's order, and results are in that order. Only real numbers
  are taken: complex, text, dates, ``None`` entries and masked arrays (whose masks NumPy
  would drop) are refused with ``TypeError``.
- ``axis`` is one axis, a tuple of axes (taken together as one, as NumPy's reductions do) or
  ``None`` (the whole array); the default of every function is the last axis.
- λ must be a real number that is not NaN (``ValueError`` otherwise). Whether λ = 0 is
  allowed depends on the function.
"""

from __future__ import annotations

import datetime
import math
import numbers
import operator
from typing import Any, NamedTuple, TypeAlias

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Axis",
    "AxisInput",
    "FloatArray",
    "along_axis",
    "as_float_array",
    "as_real_array",
    "check_finite_nonzero_lam",
    "check_lam",
    "normalize_axis",
    "widened",
]

#: A NumPy array of floats of any precision: what the functions of softlse_core take and give.
FloatArray = NDArray[np.floating[Any]]

#: What ``axis`` may be: one axis, several taken together, or None for the whole array.
Axis: TypeAlias = int | tuple[int, ...] | None


def as_real_array(x: ArrayLike) -> tuple[FloatArray, np.dtype[Any]]:
    """Return ``(arr, out_dtype)``: the input as a float array in its own precision, and the
    dtype the result must have.

    Floating input is returned as it is (float16 and float32 too: the kernels that compute
    block by block choose their working precision themselves), in the machine's byte order;
    ints, bools and object arrays of real numbers (``Fraction``, ``Decimal``) become float64.
    ``arr`` may share memory with ``x``: callers must not write into it. What is not an
    array of real numbers raises ``TypeError``: a masked array (``np.asarray`` would drop
    its mask and use the masked entries), complex numbers, text, dates and durations, and
    ``None`` entries (which NumPy would read as NaN).
    """
    if isinstance(x, np.ma.MaskedArray):
        raise TypeError(
            "masked arrays are not supported: their masks would be ignored. Fill the masked "
            "entries first: x.filled(-np.inf) leaves them out of lse and softmax for λ > 0, "
            "x.filled(np.inf) for λ < 0"
        )
    arr = np.asarray(x)
    kind = arr.dtype.kind
    if kind == "f":
        if not arr.dtype.isnative:  # the kernels pick their paths by dtype: float64 is native
            arr = arr.astype(arr.dtype.newbyteorder("="))
        return arr, arr.dtype
    if kind in "biu":
        work = arr.astype(np.float64)
        return work, work.dtype
    if kind == "O":
        refused = next((entry for entry in arr.flat if not _may_be_real(entry)), _ALL_REAL)
        if refused is _ALL_REAL:
            try:
                work = arr.astype(np.float64)
            except (TypeError, ValueError, OverflowError) as exc:  # 10**400 as an entry
                raise TypeError(f"expected an array of real numbers: {exc}") from exc
            return work, work.dtype
        raise TypeError(
            f"expected an array of real numbers, got an entry {refused!r}"
            f" ({type(refused).__name__})"
        )
    raise TypeError(f"expected an array of real numbers, got {_what_it_holds(arr.dtype)}")


#: What no entry of an object array is: the scan for a refused entry found none.
_ALL_REAL = object()

#: Entries that ``float()`` would read as numbers but are not: dates and durations (days
#: since 1970 for a datetime64) and text.
_NOT_NUMBERS = (str, bytes, np.datetime64, np.timedelta64, datetime.date, datetime.timedelta)


def _may_be_real(entry: object) -> bool:
    """Whether an object array's entry may be a real number: not None (which NumPy reads as
    NaN), text, a date or duration, or a complex number; ``float()`` decides the rest."""
    if entry is None or isinstance(entry, _NOT_NUMBERS):
        return False
    return isinstance(entry, numbers.Real) or not isinstance(entry, numbers.Complex)


def _what_it_holds(dtype: np.dtype[Any]) -> str:
    """A refused dtype in words, for the error message."""
    if dtype.kind == "c":
        return f"complex numbers (dtype {dtype}): log-sum-exp needs real numbers"
    if dtype.kind in "US":
        return f"text (dtype {dtype}): convert it to numbers first"
    if dtype.kind in "Mm":
        return f"dates or durations (dtype {dtype}), which are not real numbers"
    return f"dtype {dtype}"


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
    except (TypeError, ValueError, OverflowError) as exc:  # 10**400 overflows a float
        raise ValueError(f"λ must be a real number, got {_shortened(repr(lam))}") from exc
    if math.isnan(value):
        raise ValueError("λ is NaN: the inverse temperature must be a number")
    return value


def _shortened(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (a 400-digit λ in a message)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    so ``ndim`` is at least 1 here. Raises ``TypeError`` for what is not an integer and
    ``AxisError`` for an axis out of range.
    """
    try:
        axis = operator.index(axis)
    except TypeError:
        raise TypeError(f"axis must be an int, a tuple of ints or None, got {axis!r}") from None
    if not -ndim <= axis < ndim:
        raise np.exceptions.AxisError(axis, ndim)
    return axis % ndim


class AxisInput(NamedTuple):
    """The input of a function that works along one axis, normalised by :func:`along_axis`."""

    #: the input as a float array in its own precision (see :func:`as_real_array`), at least
    #: 1-D; with several axes (or None) they are moved to the end and merged into one
    arr: FloatArray
    #: the dtype of the result
    out_dtype: np.dtype[Any]
    #: the axis of ``arr`` to work along, non-negative
    axis: int
    #: the input's own shape (``()`` for a scalar, which ``arr`` holds as a vector of length 1)
    shape: tuple[int, ...]
    #: the input's axes that ``axis`` stands for, non-negative and increasing
    axes: tuple[int, ...]
    #: with merged axes, the input's shape with those axes moved to the end; else None
    moved_shape: tuple[int, ...] | None

    def spread(self, result: NDArray[Any]) -> NDArray[Any]:
        """A result shaped like ``arr`` (softmax, one-hot) in the input's own shape."""
        if self.moved_shape is None:
            return result.reshape(self.shape)
        ndim, count = len(self.shape), len(self.axes)
        moved = result.reshape(self.moved_shape)
        return np.moveaxis(moved, range(ndim - count, ndim), self.axes)

    def reduced(self, result: ArrayLike, keepdims: bool = False) -> Any:
        """A reduction's result (``arr`` without ``axis``) in ``out_dtype``: a NumPy scalar
        when nothing is left of the input's shape, otherwise an array (with the reduced axes
        kept as length 1 if ``keepdims``). A float16 or float32 result too large for its dtype
        is inf, without the RuntimeWarning NumPy's cast would give."""
        result = np.asarray(result)
        if keepdims:
            result = np.expand_dims(result, self.axes)
        if result.dtype != self.out_dtype:
            with np.errstate(over="ignore"):
                result = result.astype(self.out_dtype)
        return result[()]


def along_axis(x: ArrayLike, axis: Axis) -> AxisInput:
    """Normalise ``x`` and ``axis`` for a function along ``axis``; a scalar is a vector of
    length 1, and several axes (a tuple, or None for all) are moved to the end and taken as
    one. Raises ``TypeError`` for what is not real numbers or not an axis, ``AxisError`` for
    an axis out of range and ``ValueError`` for an axis named twice or an empty tuple."""
    arr, out_dtype = as_real_array(x)
    shape = arr.shape
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if axis is not None and not isinstance(axis, tuple):
        ax = normalize_axis(axis, arr.ndim)
        return AxisInput(arr, out_dtype, ax, shape, (ax,), None)
    ndim = arr.ndim
    axes = tuple(range(ndim)) if axis is None else _distinct_axes(axis, ndim)
    if len(axes) == 1:
        return AxisInput(arr, out_dtype, axes[0], shape, axes, None)
    moved = np.moveaxis(arr, axes, range(ndim - len(axes), ndim))
    kept = moved.shape[: ndim - len(axes)]
    merged = moved.reshape((*kept, math.prod(moved.shape[ndim - len(axes) :])))
    return AxisInput(merged, out_dtype, len(kept), shape, axes, moved.shape)


def _distinct_axes(axis: tuple[int, ...], ndim: int) -> tuple[int, ...]:
    """A tuple of axes, normalised and increasing; each named once, at least one."""
    if not axis:
        raise ValueError("axis=() names no axis to work along: give at least one, or None")
    axes = [normalize_axis(one, ndim) for one in axis]
    if len(set(axes)) != len(axes):
        raise ValueError(f"axis {axis!r} names an axis twice")
    return tuple(sorted(axes))
