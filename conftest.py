"""pytest configuration for the whole repository: the doctests of softlse_core print arrays
with NumPy's default print options, whatever a test or a user's startup file set before."""

from collections.abc import Iterator

import numpy as np
import pytest

#: NumPy's defaults (numpy.get_printoptions() in a fresh process), spelled out so that a
#: changed default or legacy mode cannot change what a doctest prints.
NUMPY_DEFAULT_PRINT_OPTIONS = {
    "edgeitems": 3,
    "floatmode": "maxprec",
    "formatter": None,
    "infstr": "inf",
    "legacy": False,
    "linewidth": 75,
    "nanstr": "nan",
    "precision": 8,
    "sign": "-",
    "suppress": False,
    "threshold": 1000,
}


@pytest.fixture(autouse=True)
def _numpy_default_print_options(request: pytest.FixtureRequest) -> Iterator[None]:
    if getattr(request.node, "dtest", None) is None:  # not a doctest
        yield
        return
    with np.printoptions(**NUMPY_DEFAULT_PRINT_OPTIONS):
        yield
