"""Finding a page's widgets the way that survives layout changes, and moving them as a person
does (keyboard on a slider, typing and Enter in a box, a click on an option or a tab).

A widget is looked up by its Streamlit key first (its element carries the class
``st-key-<key>``; keys are the query parameter names), then by its accessible name (the
widget's label, a regular expression). Streamlit 1.67's sliders are react-aria sliders: the
thumb is a visually hidden ``<input type="range">`` that takes the focus and the arrow keys;
its ``aria-valuetext`` is the label shown on the thumb.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

TEXT_INPUTS = 'input:not([type="range"]):not([type="checkbox"]):not([type="radio"])'


class ControlNotFoundError(LookupError):
    """No widget on the page matched any of the ways it was looked for."""


@dataclass(frozen=True)
class ControlRef:
    """How to find one widget: Streamlit keys tried in order, then an accessible-name pattern
    (``label``, a regular expression matched against ``aria-label``), ``exclude`` dropping
    labels that also match."""

    what: str
    keys: tuple[str, ...] = ()
    label: str | None = None
    exclude: str | None = None


def _first_by_key(page: Any, ref: ControlRef, inner: str) -> Any | None:
    for key in ref.keys:
        found = page.locator(f".st-key-{key} {inner}")
        if found.count():
            return found.first
    return None


def _first_by_label(page: Any, ref: ControlRef, inner: str) -> Any | None:
    if ref.label is None:
        return None
    wanted = re.compile(ref.label)
    unwanted = re.compile(ref.exclude) if ref.exclude else None
    candidates = page.locator(f'[data-testid="stElementContainer"] {inner}')
    for index in range(candidates.count()):
        candidate = candidates.nth(index)
        name = candidate.get_attribute("aria-label") or ""
        if wanted.search(name) and not (unwanted and unwanted.search(name)):
            return candidate
    return None


def find(page: Any, ref: ControlRef, inner: str) -> Any:
    """The first element ``inner`` (a CSS selector) of the widget ``ref``."""
    found = _first_by_key(page, ref, inner) or _first_by_label(page, ref, inner)
    if found is None:
        tried = [f".st-key-{key}" for key in ref.keys]
        if ref.label:
            tried.append(f"aria-label ~ /{ref.label}/")
        raise ControlNotFoundError(f"{ref.what}: not on the page (looked for {', '.join(tried)})")
    return found


def exists(page: Any, ref: ControlRef, inner: str) -> bool:
    try:
        find(page, ref, inner)
    except ControlNotFoundError:
        return False
    return True


def slider_thumb(page: Any, ref: ControlRef) -> Any:
    return find(page, ref, 'input[type="range"]')


def text_box(page: Any, ref: ControlRef) -> Any:
    return find(page, ref, TEXT_INPUTS)


@dataclass(frozen=True)
class SliderPosition:
    """Where a slider's thumb is: its stop index among ``count`` stops and the shown value."""

    index: int
    count: int
    text: str

    @property
    def number(self) -> float | None:
        try:
            return float(self.text.replace("−", "-"))
        except ValueError:
            return None


def slider_position(thumb: Any) -> SliderPosition:
    low, high, step, value, text = thumb.evaluate(
        "(e) => [e.min, e.max, e.step, e.value, e.getAttribute('aria-valuetext') || e.value]"
    )
    step_size = float(step) if step not in ("", "any") else 1.0
    count = round((float(high) - float(low)) / step_size) + 1
    return SliderPosition(round((float(value) - float(low)) / step_size), count, str(text))


def key_press(thumb: Any, key: str) -> Callable[[], None]:
    """Focus ``thumb`` now (untimed); return the timed input: pressing ``key`` on it."""
    thumb.focus()
    return lambda: thumb.press(key)


def typed(box: Any, text: str) -> Callable[[], None]:
    """Put ``text`` into ``box`` now (untimed, no key events); return the timed input:
    Enter, which makes Streamlit take the value."""
    box.fill(text)
    return lambda: box.press("Enter")


def click(target: Any) -> Callable[[], None]:
    """Return the timed input: a click on ``target`` (timed from its pointerdown)."""
    return lambda: target.click()


def choice_option(page: Any, ref: ControlRef, option: str) -> Any:
    """The option button ``option`` of a segmented control or radio group."""
    group = find(page, ref, '[role="radiogroup"]')
    return group.get_by_role("radio", name=option, exact=True)


def selected_choice(page: Any, ref: ControlRef) -> str:
    group = find(page, ref, '[role="radiogroup"]')
    return group.locator('[role="radio"][aria-checked="true"]').first.inner_text().strip()


def tabs(page: Any, ref: ControlRef) -> list[Any]:
    """The tabs of the tab group ``ref`` (by key, else the page's first tab list), in order."""
    found = _first_by_key(page, ref, '[role="tablist"]')
    if found is None:
        found = page.locator('[role="tablist"]').first
        if not found.count():
            raise ControlNotFoundError(f"{ref.what}: no tab list on the page")
    tab_list = found.get_by_role("tab")
    return [tab_list.nth(index) for index in range(tab_list.count())]


def tab_panel_selector(tab: Any) -> str:
    """CSS selector of the panel the tab ``tab`` opens (it exists once the tab is open)."""
    tab_id = tab.get_attribute("id")
    return f'[role="tabpanel"][aria-labelledby="{tab_id}"]'
