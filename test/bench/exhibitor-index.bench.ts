/**
 * The exhibitor search index after a change of the list, in Debian's Chromium with 4× CPU
 * throttling: a pulled page of 500 exhibitor changes (half edited, a quarter added, a quarter
 * removed) on a list of 25,000 updates the index in ≤ 50 ms. The page
 * (test/bench/pages/exhibitor-index.html) runs the real exhibitorSearchIndex on a fresh read of the
 * list (new objects, as a live read hands them out), given the index before the change; the
 * baseline is the index of the same list built afresh, alternated with the update in the same run.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { launchChromium } from '../support/browser';
import { median } from './figure';
import type { BenchSuite, Figure } from './figure';
import type { ExhibitorIndexBenchApi } from './pages/exhibitor-index-page';

const EXHIBITORS = 25_000;
const CHANGES = 500;
const ROUNDS = 7;
const THROTTLE = 4;
const PAGE = '/test/bench/pages/exhibitor-index.html';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Vite in middleware mode over the repository, so the page imports the real src/store code. */
async function serve(): Promise<{ origin: string; close(): Promise<void> }> {
  const vite = await createViteServer({
    configFile: false,
    root: ROOT,
    appType: 'mpa',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false },
    // Found up front, so vite never reloads the page to add a dependency mid-run.
    optimizeDeps: { entries: [PAGE.slice(1)], include: ['dexie', 'zod', 'ulidx'] },
  });
  const http = createHttpServer(vite.middlewares);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => http.close(resolve));
      await vite.close();
    },
  };
}

export const exhibitorIndexBench: BenchSuite = {
  name: 'exhibitor-search-update',
  // Vite's first transform of the page, 25,000 exhibitors made in it, then 16 short timings.
  timeLimitS: 300,
  async run(): Promise<readonly Figure[]> {
    const served = await serve();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${served.origin}${PAGE}`);
      await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 120_000 });
      const made = await page.evaluate((n) => {
        const api: ExhibitorIndexBenchApi | undefined = window.exhibitorIndexBench;
        if (api === undefined) throw new Error('bench page not ready');
        return api.prepare(n);
      }, EXHIBITORS);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      const updates: number[] = [];
      const fresh: number[] = [];
      // One warm-up round of each, then alternated so both see the same noise.
      for (let run = 0; run <= ROUNDS; run++) {
        await page.evaluate(([k, r]) => window.exhibitorIndexBench?.stage(k, r), [CHANGES, run] as const);
        const u = await page.evaluate(() => window.exhibitorIndexBench?.update());
        const f = await page.evaluate(() => window.exhibitorIndexBench?.fresh());
        if (u === undefined || f === undefined) throw new Error('bench page gone');
        if (!u.same) throw new Error(`run ${run}: the updated index searches differently from one built afresh`);
        if (run > 0) {
          updates.push(u.ms);
          fresh.push(f);
        }
      }
      const value = round1(median(updates));
      return [
        {
          name: 'exhibitor index: 500 changes on 25,000',
          value,
          unit: 'ms',
          goal: { op: '<=', value: 50 },
          ratio: { baselineName: 'the index built afresh', value: Math.round((value / median(fresh)) * 100) / 100 },
          note: `${made} exhibitors, ${CHANGES} changes (half edited, a quarter added, a quarter removed), ${THROTTLE}× CPU throttling, median of ${ROUNDS}: update ${updates.map(round1).join(', ')} ms; afresh ${fresh.map(round1).join(', ')} ms (median ${round1(median(fresh))}); load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
        },
      ];
    } finally {
      await browser.close();
      await served.close();
    }
  },
};
