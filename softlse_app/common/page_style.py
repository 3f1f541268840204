"""What every page gets from the shell besides its navigation: wide equations and tables that
say they scroll and can be scrolled from the keyboard, page links whose labels wrap
instead of being cut off with "…" in a narrow column, and charts whose titles no toolbar
covers on a touch screen.

A displayed formula or a static table wider than its column (on a 390 px phone, or in a narrow
column) scrolls sideways inside its own box. Two things make that usable:

- for formulas and Markdown tables, a shadow at the edge where more is hidden (pure CSS, the
  "scroll shadow" technique: two covers that scroll with the content over two shadows that
  stay put), so a reader sees there is more;
- the box is focusable (``tabindex="0"``, ``role="region"`` and a label) as soon as it
  overflows, so keyboard users can scroll it (WCAG 2.1.1; axe-core's
  ``scrollable-region-focusable`` rule). Streamlit offers no attribute for that, so a small
  static script of ours sets it when the page's DOM changes.

The same script makes a copy of the page's text plain: messages that echo input carry
invisible word joiners (U+2060, see :mod:`softlse_app.common.inert_text`), and a person who
copies such a message gets it without them. The script only drops those characters from the
copied selection; it never writes user text into the page.
"""

from __future__ import annotations

import streamlit as st

_SCROLL_SHADOW_CSS = """
<style>
.katex-display, [data-testid="stMarkdownContainer"]:has(> table) {
  overflow-x: auto;
  overflow-y: hidden;
  background:
    linear-gradient(to right, #fff 30%, rgba(255, 255, 255, 0)) left / 2.5rem 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgba(255, 255, 255, 0)) right / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(14, 17, 23, .28), transparent)
      left / .9rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(14, 17, 23, .28), transparent)
      right / .9rem 100% no-repeat scroll;
}
/* a Markdown table keeps each cell on one line (a number is never broken at its e-) and
   scrolls sideways inside its own box, with the same edge shadows, when it is wider than the
   column */
[data-testid="stMarkdownContainer"] > table :is(td, th) { white-space: nowrap; }
:is(.katex-display, [data-testid="stMarkdownContainer"]):focus-visible {
  outline: 2px solid #0072B2; outline-offset: 2px;
}
/* a page link's label wraps onto a second line where its column is narrow (a phone, the
   sheet's "Explore further" column) instead of ending in "…" */
[data-testid="stPageLink-NavLink"] :is(span, div, p):not([data-testid="stIconMaterial"]) {
  white-space: normal; overflow: visible; text-overflow: clip;
}
/* the sheet's locked predictions (a revealed question's, softlse_app.sheet.sections): greyed,
   but at a contrast text needs (4.5:1; Streamlit's disabled grey is about 2.5:1) */
[class*="st-key-locked_predictions_"] :is(p, label, span, input, [data-testid="stWidgetLabel"]) {
  color: #5c5f66; -webkit-text-fill-color: #5c5f66; opacity: 1;
}
/* on a touch screen plotly's mode bar stays on all the time, and in a narrow chart (a phone's
   softmax columns) its icons cover the chart's title, the one label that names a column's λ;
   there a chart is zoomed by dragging and reset by a double tap, and its numbers are in the
   CSV under it. With a mouse the bar still appears on hover. */
@media (hover: none) {
  .js-plotly-plot .modebar-container { display: none; }
}
/* the script's own element draws nothing: take it out of the layout's gaps */
.stElementContainer:has(> [data-testid="stHtml"] > script:only-child) { display: none; }
/* nor does the fragment that reruns the page on a reconnect (softlse_app.common.reconnect) */
.st-key-softlse_rerun_on_reconnect,
[data-testid="stLayoutWrapper"]:has(> .st-key-softlse_rerun_on_reconnect) { display: none; }
</style>
"""

_FOCUSABLE_SCROLLERS_JS = """
<script>
(() => {
  if (window.__softlseScrollers) return;
  window.__softlseScrollers = true;
  const SCROLLERS = '.katex-display, [data-testid="stMarkdownContainer"]:has(> table)';
  const mark = () => {
    for (const box of document.querySelectorAll(SCROLLERS)) {
      const overflows = box.scrollWidth > box.clientWidth + 1;
      if (overflows && !box.hasAttribute('tabindex')) {
        const what = box.classList.contains('katex-display') ? 'Formula' : 'Table';
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', what + ', scrolls sideways');
      } else if (!overflows && box.getAttribute('role') === 'region') {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    }
  };
  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; mark(); });
  };
  new MutationObserver(later).observe(document.body, {childList: true, subtree: true});
  window.addEventListener('resize', later);
  later();
  // Echoed input carries invisible word joiners (U+2060) that keep Markdown from rewriting
  // it; a copy of the page's text leaves them out, so what is pasted is what was read.
  document.addEventListener('copy', (event) => {
    const text = String(window.getSelection());
    if (!text.includes('\\u2060') || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', text.replaceAll('\\u2060', ''));
    event.preventDefault();
  });
})();
</script>
"""


def apply_page_style() -> None:
    """Add the scroll-shadow style and the focusable-scroller script to the page (both static,
    no user text)."""
    st.html(_SCROLL_SHADOW_CSS)
    st.html(_FOCUSABLE_SCROLLERS_JS, unsafe_allow_javascript=True, width="content")
