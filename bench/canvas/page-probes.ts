/**
 * What the canvas benchmark measures inside the page, the same way on both pages: when the
 * first node appears, frame times while something moves, and how long a UI change takes to
 * show. Each probe is page source text (tsx would otherwise rewrite the functions with helpers
 * the page does not have).
 */

/** Installed before the page loads: records when the first React Flow node enters the DOM. */
export const WATCH_FIRST_NODE = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__firstNodeAt === undefined && document.querySelector('.react-flow__node')) {
      window.__firstNodeAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** Start recording frame times (rAF timestamps) until STOP_FRAMES. */
export const START_FRAMES = `(() => {
  window.__frames = [];
  window.__framesOn = true;
  const tick = (t) => {
    if (!window.__framesOn) return;
    window.__frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** The frame intervals (ms) recorded since START_FRAMES. */
export const STOP_FRAMES = `(() => {
  window.__framesOn = false;
  const frames = window.__frames || [];
  return frames.slice(1).map((t, i) => t - frames[i]);
})()`;

/**
 * Click an element and time (ms) until a selector matches, checked every frame: the time from
 * the user's action to the screen showing its result.
 */
export const clickAndTime = (clickSelector: string, doneSelector: string) => `(async () => {
  const target = document.querySelector(${JSON.stringify(clickSelector)});
  if (!target) throw new Error('nothing matches ' + ${JSON.stringify(clickSelector)});
  const start = performance.now();
  target.click();
  while (!document.querySelector(${JSON.stringify(doneSelector)})) await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - start;
})()`;

/** Arm a timer on the next Enter key press; window.__enterToShown resolves (ms) once the text shows. */
export const armEnterTimer = (doneSelector: string, text: string) => `(() => {
  window.__enterToShown = new Promise((resolve) => {
    const onKey = (event) => {
      if (event.key !== 'Enter') return;
      window.removeEventListener('keydown', onKey, true);
      const start = performance.now();
      const check = () => {
        const el = document.querySelector(${JSON.stringify(doneSelector)});
        if (el && el.textContent.includes(${JSON.stringify(text)})) resolve(performance.now() - start);
        else requestAnimationFrame(check);
      };
      check();
    };
    window.addEventListener('keydown', onKey, true);
  });
})()`;

export const p95 = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
};

export const median = (values: readonly number[]): number => {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Where the page's elements are: in React Flow's nodes, in its edges, elsewhere in the canvas,
 * and outside it (the workbench's panels), with the mounted node and edge counts.
 */
export const DOM_CENSUS = `(() => {
  const all = document.getElementsByTagName('*').length;
  const inside = (selector) => [...document.querySelectorAll(selector)].reduce((sum, el) => sum + 1 + el.getElementsByTagName('*').length, 0);
  const flow = document.querySelector('.react-flow');
  return {
    all,
    nodes: document.querySelectorAll('.react-flow__node').length,
    inNodes: inside('.react-flow__node'),
    edges: document.querySelectorAll('.react-flow__edge').length,
    inEdges: inside('.react-flow__edge'),
    canvas: flow ? 1 + flow.getElementsByTagName('*').length : 0,
    outside: all - (flow ? 1 + flow.getElementsByTagName('*').length : 0),
  };
})()`;
