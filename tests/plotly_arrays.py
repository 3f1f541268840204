"""Read the arrays of a plotly figure's JSON (as Streamlit sends it): plotly encodes numpy
arrays as ``{"dtype": "f4", "bdata": <base64>, "shape": "r, c"}``; plain lists pass through."""

from __future__ import annotations

import base64
from typing import Any

import numpy as np


def array(value: Any) -> np.ndarray:
    """The numpy array behind a JSON value of a figure (typed array or plain list)."""
    if isinstance(value, dict) and "bdata" in value:
        data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        if shape is not None:
            dims = [int(part) for part in str(shape).split(",")]
            data = data.reshape(dims)
        return data
    return np.asarray(value)
