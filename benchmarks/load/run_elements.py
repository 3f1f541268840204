"""What one run of a page shows a simulated tab: its widgets (bound tabs included) and its
exceptions, read from the ``delta`` messages, and the result of the run.

A browser's widget manager knows a widget by its id and sends its value with every later run;
:class:`RunElements` collects the widgets of one script run (a run finished early for an
``st.rerun()`` starts a fresh collection) so :class:`benchmarks.load.client.BrowserTab` can
keep the last complete set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

#: Element types that are widgets with a value a person sets (``Element`` oneof names).
WIDGET_TYPES = frozenset(
    {
        "slider",
        "text_input",
        "text_area",
        "number_input",
        "checkbox",
        "button_group",
        "radio",
        "selectbox",
        "button",
    }
)


@dataclass
class Widget:
    """A widget seen in the last run: its element type (``slider``, ``tabs`` for bound tabs,
    ...) and its proto (for tabs, the tab labels in ``labels``)."""

    id: str
    kind: str
    proto: Any
    labels: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The user key: Streamlit's ids of keyed widgets end in ``-<key>``."""
        return self.id.rsplit("-", 1)[-1] if "-" in self.id else ""

    @property
    def query_param_key(self) -> str:
        return str(getattr(self.proto, "query_param_key", "") or "")


@dataclass
class RunResult:
    """One user action: from sending ``rerun_script`` to the final ``script_finished``."""

    page: str
    kind: str  # "load", "edit", "navigate"
    seconds: float
    script_runs: int
    exceptions: list[str] = field(default_factory=list)
    error: str | None = None  # "timeout", "disconnected: ...", "page not found"
    what: str = ""  # the action, for a verbose listing: "lam=7", "open vector_lab?v=1,2"


@dataclass
class RunElements:
    """The widgets one script run sent, by id, and the bound tab containers by their delta
    path (their tabs arrive as child blocks and add their labels)."""

    widgets: dict[str, Widget] = field(default_factory=dict)
    tab_blocks: dict[tuple[int, ...], Widget] = field(default_factory=dict)

    def add(self, fwd: ForwardMsg, result: RunResult) -> None:
        """Take in one ``delta``: a bound tab container or one of its tabs, a widget, or an
        exception (recorded in ``result``)."""
        delta = fwd.delta
        path = tuple(fwd.metadata.delta_path)
        if delta.WhichOneof("type") == "add_block":
            block = delta.add_block
            block_type = block.WhichOneof("type")
            if block_type == "tab_container" and block.tab_container.id:
                tabs = Widget(block.tab_container.id, "tabs", block.tab_container)
                self.tab_blocks[path] = tabs
                self.widgets[tabs.id] = tabs
            elif block_type == "tab" and path[:-1] in self.tab_blocks:
                tabs = self.tab_blocks[path[:-1]]
                tabs.labels = (*tabs.labels, block.tab.label)
            return
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        element_type = element.WhichOneof("type")
        if element_type == "exception":
            exc = element.exception
            result.exceptions.append(f"{exc.type}: {exc.message}"[:300])
        elif element_type in WIDGET_TYPES:
            proto = getattr(element, element_type)
            self.widgets[proto.id] = Widget(proto.id, element_type, proto)
