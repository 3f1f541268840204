"""The page's sections: the explore row (lse, max and gap for one λ, with read-outs), the
sheet's rows (λ = 1, 10, 100) and the slice.

Every chart is its own ``st.plotly_chart`` in a column: side by side on a wide screen, one
under the other below 640 px, so each plot keeps a readable width on a phone. Each has alt
text, and each group of charts a CSV of its numbers (made only when the button is pressed).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import streamlit as st

from softlse_app.common.controls import format_stop
from softlse_app.lse_vs_max.controls import slice_y_control
from softlse_app.lse_vs_max.readouts import (
    gap_alt,
    gap_caption,
    gap_explanation,
    gap_metrics,
    hard_alt,
    lse_alt,
    picture_note,
    sheet_table,
    slice_alt,
)
from softlse_app.lse_vs_max.surface import GapSummary
from softlse_app.lse_vs_max.views import (
    SHEET_LAMBDAS,
    PanelNumbers,
    Panels,
    explore_panels,
    grid_csv,
    panel_numbers,
    sheet_panels,
    sheet_summaries,
    slice_csv,
    slice_panel,
)


def _chart_row(panels: Panels, lam: float, extent: float, res: int, *, key: str) -> None:
    numbers = panel_numbers(lam, extent, res)
    summary = numbers.summary
    lse_column, hard_column, gap_column = st.columns(3)
    lse_column.plotly_chart(
        panels.lse, key=f"{key}_lse", alt=lse_alt(summary, numbers.value_range, extent)
    )
    hard_column.plotly_chart(panels.hard, key=f"{key}_hard", alt=hard_alt(lam, extent))
    gap_column.plotly_chart(panels.gap, key=f"{key}_gap", alt=gap_alt(summary, panels.gap_range))


def _captions(summaries: Sequence[GapSummary], res: int, numbers: PanelNumbers) -> None:
    """The gap panels' key, and a note when the lse panels draw fewer points than the grid."""
    st.caption(gap_caption(summaries, res, numbers.gap_axis.size))
    note = picture_note(res, numbers.lse_axis.size, "lse panel")
    if note:
        st.caption(note.strip())


def _csv_button(label: str, data: partial[bytes], file_name: str, *, key: str) -> None:
    st.download_button(
        label,
        data=data,
        file_name=file_name,
        mime="text/csv",
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def explore_section(lam: float, extent: float, res: int, fixed_gap_scale: bool) -> None:
    """lse, max and the gap for one λ, the gap read-outs and the CSV of the three charts."""
    panels = explore_panels(lam, extent, res, fixed_gap_scale)
    _chart_row(panels, lam, extent, res, key="explore")
    numbers = panel_numbers(lam, extent, res)
    _captions([numbers.summary], res, numbers)
    _csv_button(
        "CSV of these three charts",
        partial(grid_csv, (lam,), extent, res),
        f"lse_vs_max_lambda_{format_stop(lam)}.csv",
        key="explore_csv",
    )
    gap_metrics(numbers.summary, extent)
    gap_explanation(numbers.summary)


def sheet_section(extent: float, res: int) -> None:
    """The sheet's plots: one row of lse, max and gap per λ = 1, 10, 100, all lse and max
    panels on one colour scale and all gaps on one log scale."""
    st.caption(
        "The sheet's plots for λ = 1, 10, 100, one row each (the λ control applies to the "
        "Explore view). All lse and max panels share one colour scale, all gaps another."
    )
    for lam, panels in zip(SHEET_LAMBDAS, sheet_panels(extent, res), strict=True):
        st.markdown(f"**λ = {format_stop(lam)}**")
        _chart_row(panels, lam, extent, res, key=f"sheet_{format_stop(lam)}")
    summaries = sheet_summaries(extent, res)
    _captions(summaries, res, panel_numbers(SHEET_LAMBDAS[0], extent, res))
    sheet_table(summaries)
    _csv_button(
        "CSV of the sheet's charts",
        partial(grid_csv, SHEET_LAMBDAS, extent, res),
        "lse_vs_max_sheet.csv",
        key="sheet_csv",
    )


@st.fragment
def slice_section(lam: float, extent: float, res: int) -> None:
    """The 1-D slice at the chosen y. A fragment: moving y reruns this section only."""
    st.subheader("A slice at fixed y")
    y = slice_y_control(extent)
    st.plotly_chart(slice_panel(lam, extent, res, y), key="slice_chart", alt=slice_alt(lam, y))
    _csv_button(
        "CSV of the slice",
        partial(slice_csv, lam, extent, res, y),
        "lse_vs_max_slice.csv",
        key="slice_csv",
    )
