// Installed before any page script (Playwright's add_init_script). It records, inside the page:
//  - every WebSocket message Streamlit receives and sends: time (performance.now()), size in
//    bytes, and for received ForwardMsgs the status of a `script_finished` field (else -1);
//  - HTTP resources through Resource Timing (the buffer is enlarged so none are dropped);
//  - on request (`__bench.arm`), the timing of one interaction: from the first keydown or
//    pointerdown after arming until the first animation frame in which (1) a message received
//    after the input said that a script (or fragment) run finished successfully, (2) the page
//    shows the script as idle, and (3) the watched plotly chart is drawn with data that differs
//    from the data it had when armed.
// Nothing here waits for a fixed time: every frame checks the conditions again.
(() => {
  if (window.__bench) return;
  const bench = {
    messages: [], // [time ms, bytes, direction (1 in, 0 out), script_finished status or -1]
    step: null,
  };
  window.__bench = bench;
  try {
    performance.setResourceTimingBufferSize(1_000_000);
  } catch (e) {
    // older browsers: the default buffer (250 entries) is enough for a short run
  }

  // ForwardMsg field 6 is `script_finished` (a varint enum: 0 = finished successfully,
  // 2 = stopped early for a rerun, 3 = a fragment's run finished successfully); the top-level
  // fields are walked without decoding payloads.
  const varint = (bytes, at) => {
    let value = 0;
    let scale = 1;
    let i = at;
    while (i < bytes.length) {
      const b = bytes[i++];
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (!(b & 0x80)) break;
    }
    return [value, i];
  };
  const scriptFinishedStatus = (bytes) => {
    let i = 0;
    while (i < bytes.length) {
      const [tag, next] = varint(bytes, i);
      const field = Math.floor(tag / 8);
      const wire = tag % 8;
      i = next;
      if (wire === 0) {
        const [value, after] = varint(bytes, i);
        if (field === 6) return value;
        i = after;
      } else if (wire === 2) {
        const [length, after] = varint(bytes, i);
        i = after + length;
      } else if (wire === 1) {
        i += 8;
      } else if (wire === 5) {
        i += 4;
      } else {
        return -1;
      }
    }
    return -1;
  };
  const SUCCESS = new Set([0, 3]);
  const record = (time, data, direction) => {
    if (data instanceof ArrayBuffer) {
      const status = direction ? scriptFinishedStatus(new Uint8Array(data)) : -1;
      bench.messages.push([time, data.byteLength, direction, status]);
    } else if (data instanceof Blob) {
      data.arrayBuffer().then((buffer) => record(time, buffer, direction));
    } else if (ArrayBuffer.isView(data)) {
      record(time, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
             direction);
    } else {
      bench.messages.push([time, new TextEncoder().encode(String(data)).length, direction, -1]);
    }
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => record(performance.now(), event.data, 1));
    }
    send(data) {
      record(performance.now(), data, 0);
      return super.send(data);
    }
  };

  // Bytes received in the page time window [from, to): WebSocket messages and HTTP resources
  // (by responseEnd), the latter split into Streamlit's /_stcore/message and anything else.
  bench.received = (from, to) => {
    const out = {ws: 0, ws_messages: 0, stcore_message: 0, other_http: 0, runs: 0};
    for (const [time, bytes, direction, status] of bench.messages) {
      if (!direction || time < from || time >= to) continue;
      out.ws += bytes;
      out.ws_messages += 1;
      if (SUCCESS.has(status)) out.runs += 1;
    }
    for (const entry of performance.getEntriesByType('resource')) {
      if (entry.responseEnd < from || entry.responseEnd >= to) continue;
      const bytes = entry.transferSize || entry.encodedBodySize || 0;
      if (new URL(entry.name).pathname.endsWith('/_stcore/message')) {
        out.stcore_message += bytes;
      } else {
        out.other_http += bytes;
      }
    }
    return out;
  };

  // A cheap identity of a chart's data (and the layout's marks): trace types, names and scalars in full, long strings
  // (base64 arrays) and long arrays by their length and 48 evenly spaced samples. Memoised per
  // data array, so a frame that finds the same data costs nothing.
  const SAMPLES = 48;
  const describe = (value, depth) => {
    if (value === null || value === undefined) return String(value);
    if (typeof value === 'string') {
      if (value.length <= 4 * SAMPLES) return JSON.stringify(value);
      let out = `s${value.length}:`;
      for (let k = 0; k < SAMPLES; k++) {
        const at = Math.floor((k * value.length) / SAMPLES);
        out += value.substr(at, 6);
      }
      return out;
    }
    if (typeof value !== 'object') return String(value);
    if (depth > 6) return '…';
    if (ArrayBuffer.isView(value) || Array.isArray(value)) {
      const n = value.length;
      if (n <= SAMPLES) {
        return `[${Array.from(value, (item) => describe(item, depth + 1)).join(',')}]`;
      }
      const picked = [];
      for (let k = 0; k < SAMPLES; k++) {
        picked.push(describe(value[Math.floor((k * n) / SAMPLES)], depth + 1));
      }
      return `a${n}[${picked.join(',')}]`;
    }
    const keys = Object.keys(value).filter((key) => !key.startsWith('_')).sort();
    return `{${keys.map((key) => `${key}:${describe(value[key], depth + 1)}`).join(',')}}`;
  };
  const fingerprints = new WeakMap();
  const fingerprint = (data) => {
    if (!fingerprints.has(data)) fingerprints.set(data, describe(data, 0));
    return fingerprints.get(data);
  };

  // The plotly graph div of the watched chart: the first selector that matches, else the
  // `index`-th plotly chart of the page (-1: none).
  const graphDiv = (chart) => {
    for (const selector of chart.selectors) {
      const gd = document.querySelector(`${selector} .js-plotly-plot`);
      if (gd) return gd;
    }
    if (chart.index >= 0) {
      const all = document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot');
      return all[chart.index] || null;
    }
    return null;
  };
  // The chart's data once plotly has taken it in and drawn it, else null.
  const drawnData = (gd) => {
    if (!gd || !Array.isArray(gd.data) || !Array.isArray(gd._fullData)) return null;
    if (!gd.querySelector('.main-svg')) return null;
    if (gd._promises && gd._promises.length) return null;
    if (!gd._fullData.every((trace) => gd.data.includes(trace._input))) return null;
    return gd.data;
  };
  // Without a chart (and with `text`): the text of the first element the selectors match,
  // null while it is empty. textContent, not innerText, so a frame's check forces no layout.
  const textPrint = (chart) => {
    for (const selector of chart.selectors) {
      const element = document.querySelector(selector);
      if (element) {
        const text = element.textContent.trim();
        return text ? `t:${text}` : null;
      }
    }
    return null;
  };
  bench.chartFingerprint = (chart) => {
    const gd = graphDiv(chart);
    if (!gd && chart.text) return textPrint(chart);
    const data = drawnData(gd);
    if (!data) return null;
    // the marks drawn over the data (a current-λ line, its label) can be all that changes
    const marks = gd.layout ? [gd.layout.shapes, gd.layout.annotations] : null;
    return `${fingerprint(data)}|${describe(marks, 0)}`;
  };
  const idle = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning';
  };
  bench.idle = idle;

  // Arms the timing of one interaction; the result lands in bench.step. Without
  // `needsNewData` (a preparation between steps) the chart is not looked at.
  bench.arm = (chart, timeoutMs, needsNewData) => {
    const step = {
      t0: null, // the input: first keydown or pointerdown after arming
      changed: null, // first frame with the new data drawn
      finished: null, // arrival of the first successful script_finished after t0
      end: null, // first frame with all three conditions
      lastIn: null, // last message received before the end
      failed: null,
      failedAt: null,
      armedAt: performance.now(),
      before: bench.chartFingerprint(chart),
    };
    bench.step = step;
    const onInput = () => {
      if (step.t0 === null && bench.step === step) step.t0 = performance.now();
    };
    window.addEventListener('keydown', onInput, {capture: true, once: true});
    window.addEventListener('pointerdown', onInput, {capture: true, once: true});
    let scanned = bench.messages.length;
    let waitingSince = null;
    // Times are taken when the frame's callback runs (not the frame's start time, which can
    // precede messages handled earlier in the same frame).
    const frame = () => {
      if (bench.step !== step) return;
      const now = performance.now();
      if (step.t0 !== null) {
        for (; scanned < bench.messages.length; scanned++) {
          const [time, , direction, status] = bench.messages[scanned];
          if (time < step.t0 || !direction) continue;
          step.lastIn = time;
          if (SUCCESS.has(status) && step.finished === null) step.finished = time;
        }
        const print = needsNewData ? bench.chartFingerprint(chart) : null;
        const fresh = needsNewData ? print !== null && print !== step.before : true;
        if (fresh && step.changed === null) step.changed = now;
        if (fresh && step.finished !== null && idle()) {
          step.end = now;
          return;
        }
        // Run over, page idle, chart unchanged: the input was probably ignored. Give the chart
        // a quarter of the timeout (at least 10 s) to catch up, then give up early.
        waitingSince = step.finished !== null && idle() ? (waitingSince ?? now) : null;
      }
      const grace = Math.max(10_000, timeoutMs / 4);
      if (now - step.armedAt > timeoutMs || (waitingSince !== null && now - waitingSince > grace)) {
        const missing = [];
        if (needsNewData && step.changed === null) missing.push('the chart never showed new data');
        if (step.finished === null) missing.push('no script run finished');
        if (!idle()) missing.push('the script never went idle');
        step.failed = step.t0 === null ? 'no input seen' : missing.join(', ');
        step.failedAt = now;
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
})();
