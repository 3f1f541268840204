"""What went wrong in the sheet's code for (b) and (c), and the numpy versions that are right.

The sheet's code is quoted as text (cleaned of the extraction's garbling), never run. The right
versions are real functions here: the page shows their source (:func:`shown_source`) and the
tests run them against :mod:`softlse_core`, so the code a student copies is the code that is
tested. They take the sheet's grid (``x, y = np.meshgrid(...)``) and the sheet's λ > 0.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable
from typing import Any

import numpy as np

from softlse_app.sheet.numbers import (
    OVERFLOW_LAMBDA,
    GapResults,
    GradientResults,
    format_like_numpy,
)

SHEET_LSE_CODE = """\
def logsumexp(x, lamb=1):
    out = np.zeros(x[1].shape)
    for i in range(len(out[0])):
        for j in range(len(out[1])):
            out[i][j] = np.exp(lamb * x[0][i][j]) + np.exp(lamb * x[1][i][j])
    return 1/lamb * np.log(out)
"""

SHEET_SOFTMAX_CODE = """\
def softmax(x, axis, lamb=1):
    out = np.zeros(x[1].shape)
    for i in range(len(out[0])):
        for j in range(len(out[1])):
            out[i][j] = np.exp(lamb * x[0][i][j]) + np.exp(lamb * x[1][i][j])
    return np.exp(lamb * x) / out

one_hotted = to_onehot(np.argmax(xy, axis=0))   # to_onehot loops over the grid
axs[0, 0].imshow(xy[0])                         # one such call per panel
"""

#: How the right softmax is drawn: real coordinates, y upwards, one colour scale for all λ.
#: It continues the sheet's code, whose X and Y are its np.meshgrid of [-1, 1]².
RIGHT_IMSHOW_CODE = (
    "p = softmax_on_grid(X, Y, 10.0)   # X, Y = np.meshgrid(x, y) as on the sheet\n"
    'plt.imshow(p[0], origin="lower", extent=(-1, 1, -1, 1), vmin=0, vmax=1)'
)


def lse_on_grid(x: Any, y: Any, lam: float) -> Any:
    """lse((x, y), λ) = m + log(e^(λ(x − m)) + e^(λ(y − m)))/λ with m = max(x, y), elementwise
    over the grid: every exponent is ≤ 0 for λ > 0, so nothing overflows."""
    m = np.maximum(x, y)  # shift by the larger entry: every exponent is <= 0
    return m + np.log(np.exp(lam * (x - m)) + np.exp(lam * (y - m))) / lam


def softmax_on_grid(x: Any, y: Any, lam: float) -> Any:
    """softmax((x, y), λ) along a new first axis (shape (2, *x.shape)), shifted by max(x, y)
    so no exponent is positive for λ > 0."""
    e = np.exp(lam * (np.stack([x, y]) - np.maximum(x, y)))  # shifted: nothing overflows
    return e / e.sum(axis=0)  # softmax along axis 0, at every grid point at once


def onehot_on_grid(x: Any, y: Any) -> Any:
    """The λ → ∞ limit of :func:`softmax_on_grid`: 1 for the larger entry, 1/2 each on a tie."""
    top = np.stack([x, y]) == np.maximum(x, y)  # True where an entry is the largest
    return top / top.sum(axis=0)  # ties share the weight, as the limit of softmax does


def shown_source(function: Callable[..., Any]) -> str:
    """The source of ``function`` as the page shows it: the ``def`` line and body, without
    the docstring and the type hints (they are for this code base, not for the student)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    definition = tree.body[0]
    if not isinstance(definition, ast.FunctionDef):
        raise TypeError(f"{function!r} is not a plain function")
    lines = textwrap.dedent(inspect.getsource(function)).splitlines()
    body = definition.body
    start = body[1].lineno if isinstance(body[0], ast.Expr) else body[0].lineno
    arguments = ", ".join(argument.arg for argument in definition.args.args)
    return "\n".join([f"def {definition.name}({arguments}):", *lines[start - 1 :]])


def lse_code_problems(r: GapResults) -> tuple[str, ...]:
    """What is wrong with the sheet's ``logsumexp`` (Markdown bullets), with live numbers."""
    return (
        "**It exponentiates λ·x unshifted.** e^(λx) overflows to inf once λx > 709.78: at "
        f"λ = {OVERFLOW_LAMBDA:g} this formula gives lse((1, 1)) = {r.naive_at_overflow} "
        f"instead of {r.stable_at_overflow:.10g} (and at (−1, −1) every term underflows to 0, "
        "whose log is −inf). For λ ≤ 100 on [−1, 1]² the terms stay finite, so the sheet's "
        "own plots came out right.",
        "**It loops where numpy broadcasts.** Two Python loops visit the grid's 10,000 points "
        "one by one; one array expression does the whole grid at once.",
        "**The loop bounds only fit a square grid.** `len(out[0])` and `len(out[1])` are both "
        "the number of columns, so a grid with more rows than columns would be cut short.",
        "**Each contour plot scales its own colours,** so the same colour means different "
        "values at λ = 1 and λ = 100.",
    )


def softmax_code_problems(r: GradientResults) -> tuple[str, ...]:
    """What is wrong with the sheet's ``softmax``, ``to_onehot`` and plots (Markdown bullets),
    with live numbers."""
    return (
        "**The same unshifted exponentials:** at "
        f"λ = {OVERFLOW_LAMBDA:g}, softmax((1, 1)) comes out inf/inf = "
        f"`{format_like_numpy(r.naive_at_overflow)}` instead of "
        f"`{format_like_numpy(r.stable_at_overflow)}`.",
        "**The `axis` argument is ignored:** the loops always sum over the stacked first axis.",
        "**`imshow` shows pixel indices and puts y upside down:** the axes read 0 … 99 "
        "instead of −1 … 1, and row 0 (y = −1) is drawn at the top. Each panel also gets "
        "its own colour scale.",
        "**`np.argmax` breaks ties by taking the first index:** on the diagonal x = y it "
        f"gives `{format_like_numpy(r.tie_first)}` where the limit of softmax is "
        f"`{format_like_numpy(r.tie_split)}`, half each.",
        "**`to_onehot` loops over the grid** where one comparison does it at once.",
    )
