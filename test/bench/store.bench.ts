/**
 * P1 (issue 5): a durable save of a record with its item and outbox row, in Debian's Chromium
 * with 4× CPU throttling: median ≤ 30 ms, and ≤ 3× a raw Dexie `put` of the same record with
 * strict durability, measured in the same run (interleaved, so both see the same noise).
 *
 * The page (test/bench/pages/store.html) runs the real src/store code, served by vite in dev
 * (middleware) mode from the repository root (test/store/browser/serve.ts).
 */
import { launchChromium } from '../support/browser';
import { STORE_BENCH_PAGE, serveRepo } from '../store/browser/serve';
import { median } from './figure';
import type { BenchSuite, Figure } from './figure';
import type { StoreBenchApi } from './pages/store-page';

const SAVES = 60;
const WARMUP = 5;
const THROTTLE = 4;

const p90 = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? Number.NaN;
const round = (n: number): number => Math.round(n * 100) / 100;

export const storeBench: BenchSuite = {
  name: 'store',
  async run(): Promise<readonly Figure[]> {
    const served = await serveRepo();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${served.origin}${STORE_BENCH_PAGE}`);
      await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

      const call = (fn: keyof Omit<StoreBenchApi, 'counts'>, i: number): Promise<number> =>
        page.evaluate(([f, n]) => {
          const api = window.storeBench;
          if (api === undefined) throw new Error('bench page not ready');
          return api[f](n);
        }, [fn, i] as const);

      const save: number[] = [];
      const rawPut: number[] = [];
      const draft: number[] = [];
      const parse: number[] = [];
      for (let i = 0; i < WARMUP + SAVES; i++) {
        const s = await call('durableSave', i);
        const r = await call('rawPut', i);
        const d = await call('draftSave', i);
        const p = await call('parseOnly', i);
        if (i >= WARMUP) {
          parse.push(p);
          save.push(s);
          rawPut.push(r);
          draft.push(d);
        }
      }
      const counts = await page.evaluate(() => window.storeBench?.counts());
      if (counts === undefined || counts.fairs !== WARMUP + SAVES || counts.items !== counts.fairs || counts.outbox !== counts.fairs) {
        throw new Error(`saves did not all land: ${JSON.stringify(counts)}`);
      }
      const m = median(save);
      const base = median(rawPut);
      return [
        {
          name: 'P1 durable save (record+item+outbox)',
          value: round(m),
          unit: 'ms',
          goal: { op: '<=', value: 30 },
          ratio: { baselineName: 'raw Dexie put (strict)', value: round(m / base), goal: 3 },
          note: `median of ${SAVES} saves, ${THROTTLE}× CPU throttling; p90 ${round(p90(save))} ms; raw put median ${round(base)} ms (p90 ${round(p90(rawPut))}); draft autosave median ${round(median(draft))} ms; zod parse of the input ${round(median(parse))} ms`,
        },
      ];
    } finally {
      await browser.close();
      await served.close();
    }
  },
};
