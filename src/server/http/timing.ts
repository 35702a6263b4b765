import type { Env, MiddlewareHandler } from 'hono';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Where a request's time goes, for the load test (`test/bench`): with FAIRCASE_TIMING=1 the
 * sync routes time each request inside this process (from routing to the answer), and every 10
 * seconds one line per route gives count, p50, p99 and max, beside the event loop's own delay
 * (p99, max). A latency the load tool sees but this line does not is spent outside the handler:
 * in the load tool, the kernel's queues, or a process waiting for a CPU. Off: nothing runs.
 */
export const timingEnabled = (): boolean => process.env.FAIRCASE_TIMING === '1';

const INTERVAL_MS = 10_000;
const spans = new Map<string, number[]>();
let started = false;

function start(): void {
  if (started) return;
  started = true;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
  setInterval(() => {
    const parts = [...spans].map(([route, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return `${route} n=${sorted.length} p50=${pct(sorted, 50).toFixed(0)} p99=${pct(sorted, 99).toFixed(0)} max=${(sorted.at(-1) ?? 0).toFixed(0)} ms`;
    });
    spans.clear();
    const delay = `event loop delay p99=${(loop.percentile(99) / 1e6).toFixed(0)} max=${(loop.max / 1e6).toFixed(0)} ms`;
    loop.reset();
    console.log(`FairCase timing: ${[...parts, delay].join('; ')}`);
  }, INTERVAL_MS).unref();
}

/**
 * `mw` (the routes' first middleware), timing everything after it under the path's last segment
 * when FAIRCASE_TIMING=1; else `mw` itself. One middleware, so the route table is unchanged.
 */
export function withTiming<E extends Env>(mw: MiddlewareHandler<E>): MiddlewareHandler<E> {
  if (!timingEnabled()) return mw;
  start();
  return async (c, next) => {
    const t0 = performance.now();
    try {
      return await mw(c, next);
    } finally {
      const route = c.req.path.slice(c.req.path.lastIndexOf('/') + 1);
      const list = spans.get(route) ?? [];
      list.push(performance.now() - t0);
      spans.set(route, list);
    }
  };
}
