"""Every chart's first draw is its last in windows 1280 px wide and wider: plotly's
automargin never has to widen a margin (which it does by drawing the chart a second time, on
every step that changes the chart, since Streamlit mounts a new chart for every new figure).
See ``softlse_app/common/plot_style.py``, margins. Narrower windows and phones may take the
second draw, as every window did before.

The check runs inside the page: a script installed before the app loads hooks each chart's
plotly event emitter and, at the chart's first ``plotly_afterplot`` (which plotly emits after
any automargin redraw), records the sides where the plot area's margin (``_size``) came out
wider than the layout's ``margin``."""

from __future__ import annotations

import pytest
from app_page import AppPage

pytestmark = pytest.mark.e2e

#: Hooks every plotly chart div as it appears; ``window.__chartMargins`` gets one record per
#: chart: its accessible name, the div, and (after its first draw) the widened sides.
HOOK_JS = """
window.__chartMargins = [];
new MutationObserver(() => {
  for (const div of document.querySelectorAll('[data-testid="stPlotlyChart"] > div')) {
    if (div.__marginHook) continue;
    div.__marginHook = true;
    const record = {name: div.parentElement.getAttribute('aria-label') || '', div, widened: null};
    window.__chartMargins.push(record);
    let emit;
    // plotly assigns gd.emit once, when it first sets the div up
    Object.defineProperty(div, 'emit', {configurable: true, get() { return emit; }, set(f) {
      emit = function (name, data) {
        if (name === 'plotly_afterplot' && record.widened === null) {
          const m = this._fullLayout.margin, z = this._fullLayout._size;
          record.widened = ['l', 'r', 't', 'b'].filter((k) => z[k] > m[k] + 0.01)
            .map((k) => `${k} ${m[k]} -> ${Math.round(z[k] * 10) / 10}`);
        }
        return f.call(this, name, data);
      };
    }});
  }
}).observe(document, {subtree: true, childList: true});
"""

#: Every chart on the page has been drawn once.
ALL_DRAWN_JS = """
(charts) => {
  const shown = window.__chartMargins.filter((r) => r.div.isConnected);
  return shown.length >= charts && shown.every((r) => r.widened !== null);
}
"""

WIDENED_JS = """
() => window.__chartMargins.filter((r) => r.div.isConnected)
  .map((r) => [r.name.slice(0, 60), r.widened])
"""

#: Each page and view with charts, and how many it shows.
CHART_PAGES = [
    ("/vector_lab", 1),
    ("/vector_lab?section=Temperature+sweep", 1),
    ("/vector_lab?section=Temperature+sweep&neg=true", 1),
    ("/vector_lab?section=Simplex", 1),
    ("/vector_lab?v=1,2,3,4,5,6,7,8,9,10,11,12", 1),
    ("/lse_vs_max?slice=true", 4),
    ("/lse_vs_max?view=sheet", 9),
    # not other extents: see PANEL_MARGIN in softlse_app/lse_vs_max/panel_layout.py
    ("/lse_vs_max?lam=1000&res=801", 3),
    ("/lse_vs_max?lam=5&neg=true", 3),
    ("/softmax_grid", 5),
    ("/softmax_grid?extent=10", 5),
    ("/sheet?reveal=all", 4),
]


#: Window widths the margins are set for: the benchmarks' 1280 px and a wide screen.
WIDTHS = (1280, 1920)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "charts"), CHART_PAGES)
def test_no_chart_is_drawn_twice_for_its_margins(
    app: AppPage, path: str, charts: int, width: int
) -> None:
    app.page.set_viewport_size({"width": width, "height": 900})
    app.page.add_init_script(HOOK_JS)
    app.open(path, charts=charts)
    app.page.wait_for_function(ALL_DRAWN_JS, arg=charts)
    widened = [(name, sides) for name, sides in app.page.evaluate(WIDENED_JS) if sides]
    assert widened == [], f"automargin widened these charts' margins on {path}: {widened}"
