/** Scheduling around the browser's frames and idle time (P3: work the user is not waiting for). */

/** After the browser has painted what the last render produced (rAF runs before the paint). */
export const afterPaint = (fn: () => void): void => void requestAnimationFrame(() => setTimeout(fn, 0));

/** When the page is idle, at the latest after `timeoutMs` (Safari has no requestIdleCallback: a timeout there). */
export function whenIdle(fn: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 200);
  return () => clearTimeout(handle);
}
