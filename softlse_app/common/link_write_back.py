"""A value the page corrected from a link reaches the address bar in the run that read it, as
one change of address — the app's one use of Streamlit's private widget-binding internals,
kept in this module.

:func:`softlse_app.common.url_state.adopt_query_param` reads a link's text itself and sets the
usable value in code (``lam=-10`` → λ = 10 with the negative switch on, ``res=1000000000`` →
801, ``lam=10.0`` → 10). Streamlit (1.67) writes a bound widget's value set in code into the
URL only when that widget already existed in an earlier run; on the first run it drops a bound
parameter it cannot use itself, one browser history entry per parameter. So after loading
``/lse_vs_max?lam=-10`` the address bar read ``/lse_vs_max`` until the person's first
interaction: a link copied at once opened the defaults, although the page showed λ = −10.

Two steps fix that:

- :func:`take_link_text`, as the page reads a parameter, hides its text from Streamlit's own
  reading of the link for this run (not on Back or Forward, where Streamlit rules that the
  address wins), so Streamlit neither seeds the widget from it nor drops it from the address;
  the widget shows the value the page set in code.
- :func:`write_link_corrections`, at the end of the page's script, makes each such parameter
  of a bound widget that ran say the widget's value in the widget's own serialized form (or
  leaves it out where that is the widget's default, as Streamlit leaves defaults out), and sends
  the new address once if anything changed. Back from the page then goes to the link as it was
  opened, which the page reads into the same view.

It fails safe: should a Streamlit upgrade rename what it reads, both do nothing, and the page
behaves as Streamlit alone would (the value reaches the address bar with the next run).
``tests/test_url_write_back.py`` checks the first run's address, so such an upgrade fails a
test that says what broke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlencode

from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

__all__ = [
    "seed_history_value",
    "send_address_if_changed",
    "stage_bound_value",
    "take_link_text",
    "write_link_corrections",
]


def _with_state(action: Callable[[Any, Any], bool]) -> bool:
    """``action(ctx, session_state)`` under the session state's lock; False without a script
    run context or where a Streamlit upgrade renamed what the action reads."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return False
    safe_state = ctx.session_state
    try:
        with safe_state._lock:
            return action(ctx, safe_state._state)
    except (AttributeError, ImportError):  # a Streamlit upgrade renamed what this reads
        return False


def _address_text(state: Any, key: str, value: Any) -> tuple[bool, str | list[str] | None]:
    """``(True, text)``: the text the address gives ``value`` of the bound widget ``key``, in
    the widget's own serialized form, ``None`` where it is the widget's default (defaults stay
    out of the address); ``(False, None)`` for a widget this session has not shown, or a
    value it cannot hold."""
    from streamlit.runtime.state.query_params import _coerce_value_for_query_url

    binding = state.query_params.get_binding_for_param(key)
    metadata_by_id = state._new_widget_state.widget_metadata
    metadata = None if binding is None else metadata_by_id.get(binding.widget_id)
    if metadata is None:
        return False, None
    try:
        if value == metadata.deserializer(None):
            return True, None
        serialized = metadata.serializer(value)
    except (ValueError, TypeError, IndexError, KeyError):  # not a value the widget has
        return False, None
    return True, _coerce_value_for_query_url(serialized, metadata.value_type)


def take_link_text(key: str) -> bool:
    """Hide the link's text for ``key`` from Streamlit's reading of the link in this run (the
    page has read it itself); True if it did. Not on Back or Forward."""

    def take(ctx: Any, state: Any) -> bool:
        if ctx.is_history_navigation:
            return False
        return state.query_params._initial_query_params.pop(key, None) is not None

    return _with_state(take)


def seed_history_value(key: str, value: Any) -> bool:
    """On Back or Forward, make Streamlit's reading of the address give the widget ``key`` the
    value the page read from it, ``value``; True if it did.

    On such a run Streamlit rules that the address wins: a parameter it cannot use, or one that
    is absent, resets its widget to the default, over any value set in code. So
    ``/lse_vs_max?lam=-10``, reached by Back, showed λ = 1 under that address. Here the
    address's text for ``key`` is replaced, for this run's reading only, by the widget's own
    serialized form of ``value`` (left out where that is the default), so Streamlit seeds the
    same value; :func:`write_link_corrections` then puts that form into the address bar.
    Only for a widget this session has already shown (Streamlit knows how to serialize it)."""

    def seed(ctx: Any, state: Any) -> bool:
        if not ctx.is_history_navigation:
            return False
        written, text = _address_text(state, key, value)
        if not written:
            return False
        initial = state.query_params._initial_query_params
        if text is None:
            initial.pop(key, None)
        else:
            initial[key] = text if isinstance(text, list) else [text]
        return True

    return _with_state(seed)


def stage_bound_value(key: str, value: Any) -> bool:
    """Put ``value``, which the page is about to give the bound widget ``key`` in code, into
    Streamlit's copy of the address without telling the browser (left out where it is the
    widget's default); True if it did. Only for a widget this session has already shown.

    Streamlit tells the browser of each bound widget set in code on its own, one history
    entry each: a typed λ that also flips the sign switch made two entries (``?lam=7&neg=true``
    and then ``?lam=7``), and Back landed on the first, a λ nobody chose. Staged here, the
    switch's parameter rides along with the slider's change, or with
    :func:`send_address_if_changed`, and the switch finds the address already saying its
    value, so it sends nothing."""

    def stage(ctx: Any, state: Any) -> bool:
        written, text = _address_text(state, key, value)
        if not written:
            return False
        if text is None:
            state.query_params._query_params.pop(key, None)
        else:
            state.query_params._query_params[key] = text
        return True

    return _with_state(stage)


def send_address_if_changed() -> bool:
    """Send Streamlit's copy of the address to the browser if it differs from the address
    the browser was last given (a value staged by :func:`stage_bound_value` that no widget's
    own change has carried yet); True if it sent it."""

    def send(ctx: Any, state: Any) -> bool:
        query_params = state.query_params
        if urlencode(query_params._query_params, doseq=True) == ctx.query_string:
            return False
        query_params._send_query_param_msg()
        return True

    return _with_state(send)


def write_link_corrections(keys: Iterable[str]) -> None:
    """Make the address's parameter of each of ``keys`` whose bound widget ran in this run say
    the widget's value (absent for its default), and send the new address once if that
    changed it."""
    wanted = list(keys)
    if wanted:
        _with_state(lambda ctx, state: _write(ctx, state, wanted))


def _write(ctx: Any, state: Any, keys: list[str]) -> bool:
    """:func:`write_link_corrections` under the session state's lock. The address is
    compared with the query string the browser was last given (``ctx.query_string``: the
    link's, or Streamlit's last change this run), not with Streamlit's own copy, which drops a
    default's parameter without telling the browser."""
    from streamlit.runtime.state.query_params import _coerce_value_for_query_url

    query_params = state.query_params
    address = query_params._query_params
    metadata_by_id = state._new_widget_state.widget_metadata
    ran = ctx.shared.widget_ids_this_run
    for key in keys:
        binding = query_params.get_binding_for_param(key)
        if binding is None or binding.widget_id not in ran:
            continue
        metadata = metadata_by_id.get(binding.widget_id)
        if metadata is None:
            continue
        value = state[binding.widget_id]
        if value == metadata.deserializer(None):
            address.pop(key, None)  # defaults stay out of the address, as Streamlit keeps them
        else:
            serialized = metadata.serializer(value)
            address[key] = _coerce_value_for_query_url(serialized, metadata.value_type)
    if urlencode(address, doseq=True) == ctx.query_string:
        return False
    query_params._send_query_param_msg()
    return True
