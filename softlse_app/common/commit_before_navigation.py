"""Text typed into a box and left by a click on a page link: the box's text first, then the
page change, in the order the person did them.

A text box commits its text when it loses focus, on the pointer press, but Streamlit's frontend
(1.67) sends that commit a moment later (``WidgetStateManager.scheduleFlush``, a
``setTimeout(…, 0)``), while a navigation link sends its page change at once, on the click.
When the press and the release come close together (a quick click, a tap, a busy browser:
the browser runs input events before timers), the page change leaves first and the commit
second — and the commit names the page it was typed on. For a box in a fragment the server
drops it (the fragment is gone with the page); for a box of the page itself (the sheet's
predictions) it is a full run of the old page, which the server runs after the new one: the
new page shows for a moment, then the old page comes back.

A small static script of ours holds such a click until the commit has reached the server: a
plain click on a navigation link whose pointer press took the focus from a text field is
stopped; one turn of the browser's event loop later the commit's timer, set earlier, has sent
its rerun, and the click is given again as soon as the server's first message after it
arrives (at most 5 s later; at once when nothing was sent: the text had not changed). The
server answers a rerun only once its run has taken the committed values, and a page change
that arrived before then would stop that run without them (Streamlit starts a new run for each
message), so the typed text would be lost. The server then gets the commit, then the page
change, as after a slower click: the person lands on the page they clicked, and the typed
text is kept with the page it was typed on (Streamlit keeps a bound widget's last value when
its page is left and writes it back into the address when the page is visited again). To
know what was sent, the script counts the page's websocket sends whose first byte is that of
a rerun request and notes each message that arrives: it never reads their content, nor any
user text. A held click is dropped when the person presses a pointer or a key again before it
is given (a second click, on that link or another, then goes through at once). Every other
click is untouched; a click with a modifier key (a new tab) and the keyboard (the focus left
the box earlier) need nothing. ``tests/e2e/test_e2e_sheet_typed_then_nav.py``
checks it.
"""

from __future__ import annotations

import streamlit as st

_COMMIT_BEFORE_NAVIGATION_JS = """
<script>
(() => {
  if (window.__softlseCommitFirst) return;
  window.__softlseCommitFirst = true;
  const NAV_LINKS = '[data-testid="stSidebarNavLink"], [data-testid="stPageLink-NavLink"]';
  const FIELDS = 'input, textarea, [contenteditable="true"]';
  const RERUN_TAG = 0x5a;  // BackMsg field 11 (rerun_script), length-delimited: its first byte
  const MAX_WAIT_MS = 5000;
  const navLink = (target) => (target && target.closest ? target.closest(NAV_LINKS) : null);
  const firstByte = (data) => {
    if (data instanceof ArrayBuffer) return data.byteLength ? new Uint8Array(data)[0] : null;
    if (ArrayBuffer.isView(data) && data.byteLength) {
      return new Uint8Array(data.buffer, data.byteOffset, 1)[0];
    }
    return null;
  };
  // Count the reruns the page asks for; note each server message (never read either).
  let rerunsSent = 0;
  let waiters = [];
  const listened = new WeakSet();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (String(this.url).endsWith('/_stcore/stream')) {
      if (!listened.has(this)) {
        listened.add(this);
        this.addEventListener('message', () => {
          const ready = waiters;
          waiters = [];
          ready.forEach((go) => go());
        });
      }
      if (firstByte(data) === RERUN_TAG) rerunsSent += 1;
    }
    return send.call(this, data);
  };
  let leavingField = null;  // the link pressed while a text field had the focus
  // A held click is dropped when the person acts again before it is given (a second click,
  // on another link or the same): that later action is what they want, and it passes at
  // once, since the focus has left the field.
  let dropHeld = null;
  const actAgain = (event) => {
    if (event.isTrusted && dropHeld) {
      dropHeld();
      dropHeld = null;
    }
  };
  window.addEventListener('keydown', actAgain, true);
  window.addEventListener('pointerdown', (event) => {
    actAgain(event);
    const active = document.activeElement;
    const link = navLink(event.target);
    leavingField = link && active && active.matches && active.matches(FIELDS) ? link : null;
  }, true);
  window.addEventListener('click', (event) => {
    const link = navLink(event.target);
    const held = leavingField;
    leavingField = null;
    if (!event.isTrusted || !link || link !== held) return;
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    let clicked = false;
    dropHeld = () => { clicked = true; };
    const click = () => {
      if (clicked || !link.isConnected) return;
      clicked = true;
      dropHeld = null;
      link.dispatchEvent(new MouseEvent('click', {
        bubbles: true, cancelable: true, composed: true, view: window, detail: 1,
        clientX: event.clientX, clientY: event.clientY, screenX: event.screenX,
        screenY: event.screenY,
      }));
    };
    const sentBefore = rerunsSent;
    // the box's commit is queued as a zero-delay timer, set before this one: it leaves first
    setTimeout(() => {
      if (rerunsSent === sentBefore) return click();  // nothing was committed
      // the server answers a rerun once its run has taken the committed values; a page
      // change sent earlier would stop that run before it took them
      waiters.push(click);
      setTimeout(click, MAX_WAIT_MS);
    }, 0);
  }, true);
})();
</script>
"""


def send_typed_text_before_navigation() -> None:
    """Add the script that lets a text box's commit reach the server before a page change."""
    st.html(_COMMIT_BEFORE_NAVIGATION_JS, unsafe_allow_javascript=True, width="content")
