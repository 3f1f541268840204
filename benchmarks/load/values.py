"""New values for a widget, as a person would set them: inside the widget's bounds, on its
step grid or among its options, and not a value this session has sent before whenever the
widget has one left (a cache hit is not what a class gets when it explores).

:class:`ValuePicker` reads everything from the widget's proto (bounds, step, options, default),
so it follows the pages as they change; only free text needs to know what the box is for
(:data:`TEXT_MAKERS`, by widget key: a vector, a λ list).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.Slider_pb2 import Slider
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.load.run_elements import Widget

#: How many draws look for a value this session has not sent before.
FRESH_DRAWS = 64


def random_vector(rng: random.Random) -> str:
    """A vector as a student types or pastes it: mostly 2–10 entries, one time in five
    10–1000 (a pasted list); entries of several scales with up to 4 decimals."""
    n = rng.randint(2, 10) if rng.random() < 0.8 else int(10 ** rng.uniform(1, 3))
    scale = 10 ** rng.uniform(-1, 3)
    return ", ".join(f"{rng.gauss(0.0, scale):.4g}" for _ in range(n))


def random_lambda_list(rng: random.Random) -> str:
    """1–6 λ values, log-uniform in [0.01, 1000] with 3 significant digits, one in ten
    negative: ~10⁶ possible values each."""
    values = []
    for _ in range(rng.randint(1, 6)):
        magnitude = float(f"{10 ** rng.uniform(-2, 3):.3g}")
        values.append(f"{-magnitude if rng.random() < 0.1 else magnitude:g}")
    return ", ".join(values)


def random_answer(rng: random.Random) -> str:
    """Free text of a box this does not know: a number half the time, else a word."""
    if rng.random() < 0.5:
        return f"{rng.gauss(0.0, 10.0):.4g}"
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 12)))


#: Free-text boxes by widget key: what a person types into each.
TEXT_MAKERS: dict[str, Callable[[random.Random], str]] = {
    "v": random_vector,
    "lams": random_lambda_list,
}


def format_url_number(value: float) -> str:
    """A number as Streamlit writes it into the query string: ``5.0`` → ``5``."""
    if math.isfinite(value) and value == int(value):
        return str(int(value))
    return repr(value)


@dataclass
class NewValue:
    """A widget value to send, what the frontend writes into the URL for it (``None``: the
    parameter is dropped, the widget is at its default) and a short text for reports."""

    state: WidgetState
    url_value: Any
    text: str


class ValuePicker:
    """Draws new values for one session's widgets (see the module docstring)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.sent: set[tuple[str, str]] = set()
        self.current: dict[str, str] = {}  # widget key -> text of its current value

    def new_value(self, widget: Widget) -> NewValue | None:
        """A new value for ``widget``; ``None`` if it is not a kind this knows."""
        pick = getattr(self, f"_pick_{widget.kind}", None)
        if pick is None:
            return None
        result: NewValue | None = pick(widget)
        if result is not None:
            self.sent.add((widget.key, result.text))
            self.current[widget.key] = result.text
        return result

    def _fresh(self, widget: Widget, draw: Callable[[], str]) -> str:
        """A draw that differs from the current value and, if one turns up within
        ``FRESH_DRAWS`` tries, was never sent by this session."""
        current = self.current.get(widget.key)
        fallback = None
        for _ in range(FRESH_DRAWS):
            candidate = draw()
            if candidate == current:
                continue
            if (widget.key, candidate) not in self.sent:
                return candidate
            fallback = candidate
        return fallback if fallback is not None else draw()

    def _choose_option(self, widget: Widget, options: list[str], default: str | None) -> str:
        if default is not None:
            self.current.setdefault(widget.key, default)
        return self._fresh(widget, lambda: self.rng.choice(options))

    def _pick_slider(self, widget: Widget) -> NewValue | None:
        proto = widget.proto
        state = WidgetState()
        if proto.type == Slider.SELECT_SLIDER:
            options = list(proto.options)
            default = options[int(proto.default[0])] if proto.default else None
            option = self._choose_option(widget, options, default)
            state.string_array_value.data.append(option)
            return NewValue(state, None if option == default else option, option)
        if proto.data_type not in (Slider.INT, Slider.FLOAT) or len(proto.default) != 1:
            return None
        stops = max(1, round((proto.max - proto.min) / proto.step))
        default = format_url_number(float(proto.default[0]))
        self.current.setdefault(widget.key, default)

        def draw() -> str:
            value = proto.min + self.rng.randint(0, stops) * proto.step
            return format_url_number(float(f"{min(value, proto.max):.12g}"))

        text = self._fresh(widget, draw)
        state.double_array_value.data.append(float(text))
        return NewValue(state, None if text == default else text, text)

    def _pick_number_input(self, widget: Widget) -> NewValue:
        proto = widget.proto
        lo = proto.min if proto.has_min else -1e6
        hi = proto.max if proto.has_max else 1e6
        is_int = proto.data_type == NumberInput.INT
        default = format_url_number(float(proto.default)) if proto.HasField("default") else None
        if default is not None:
            self.current.setdefault(widget.key, default)

        def draw() -> str:
            value = self.rng.uniform(lo, hi)
            return format_url_number(float(round(value) if is_int else float(f"{value:.4g}")))

        text = self._fresh(widget, draw)
        state = WidgetState()
        if is_int:
            state.int_value = int(float(text))
        else:
            state.double_value = float(text)
        return NewValue(state, None if text == default else text, text)

    def _pick_text_input(self, widget: Widget) -> NewValue:
        maker = TEXT_MAKERS.get(widget.key, random_answer)
        default = widget.proto.default if widget.proto.HasField("default") else None
        if default is not None:
            self.current.setdefault(widget.key, default)
        text = self._fresh(widget, lambda: maker(self.rng))
        state = WidgetState()
        state.string_value = text
        return NewValue(state, None if text == default else text, text)

    _pick_text_area = _pick_text_input

    def _pick_checkbox(self, widget: Widget) -> NewValue:
        value = self.current.get(widget.key, str(widget.proto.default).lower()) != "true"
        state = WidgetState()
        state.bool_value = value
        text = str(value).lower()
        return NewValue(state, None if value == widget.proto.default else text, text)

    def _pick_button_group(self, widget: Widget) -> NewValue | None:
        options = [option.content for option in widget.proto.options]
        if len(options) < 2:
            return None
        default = options[widget.proto.default[0]] if widget.proto.default else None
        option = self._choose_option(widget, options, default)
        state = WidgetState()
        state.string_array_value.data.append(option)
        return NewValue(state, None if option == default else option, option)

    def _pick_radio(self, widget: Widget) -> NewValue | None:
        options = list(widget.proto.options)
        if len(options) < 2:
            return None
        has_default = widget.proto.HasField("default")
        default = options[widget.proto.default] if has_default else None
        option = self._choose_option(widget, options, default)
        state = WidgetState()
        state.string_value = option
        return NewValue(state, None if option == default else option, option)

    _pick_selectbox = _pick_radio

    def _pick_button(self, widget: Widget) -> NewValue:
        """A click (sent once; a button has no value to keep, nor a URL parameter)."""
        state = WidgetState()
        state.trigger_value = True
        return NewValue(state, None, "click")

    def _pick_tabs(self, widget: Widget) -> NewValue | None:
        labels = list(widget.labels)
        if len(labels) < 2:
            return None
        default = widget.proto.default_tab_label or labels[0]
        label = self._choose_option(widget, labels, default)
        state = WidgetState()
        state.string_value = label
        return NewValue(state, None if label == default else label, label)
