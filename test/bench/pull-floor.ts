/**
 * P5 step 1, the floor: `npx tsx test/bench/pull-floor.ts` prints, in one Chromium run, the
 * rows/s and events/s of raw `bulkPut`s of what a pull could write (pages of the protocol's
 * most, strict durability, a fresh database each), unthrottled and at 4× CPU throttling:
 * (a) the pulled item rows with the items table's indexes, (a2) the events as the pull keeps them
 * now (`meta`, key only), (b) the item rows without indexes, (c) one row per page holding its
 * items as one array, (c2) the same with the multi-entry index of its cases (the store's kept
 * events), (c6) the same events in rows of about 40 events, whole cases each (below Chromium's
 * large-value threshold), (c3) one row per case of all its events, rewritten by each page that touches it, (d) the case and board rows of the cases each page touches, (d2) every
 * case and board row once. It tells whether ≥ 20,000 events/s fits one IndexedDB row per event.
 * Not part of `npm run bench` (no budget of its own); medians of ROUNDS.
 */
import { loadavg } from 'node:os';
import { MAX_PULL_LIMIT } from '../../src/domain/wire/protocol';
import { median } from './figure';
import { openPullPage } from './pull.bench';
import type { FloorVariant, PullBenchApi } from './pages/pull-page';

const EVENTS = 20_000;
// Type-only import above: the page module itself runs only in the browser.
const ALL: readonly FloorVariant[] = ['itemsIndexed', 'itemsIdb', 'pulledMeta', 'itemsKeyOnly', 'pageRows', 'pageRowsByCase', 'pageChunks', 'caseEventRows', 'casesPerPage', 'casesOnce', 'casesOnceKeyOnly', 'casesOnceJson', 'pageRowsJson', 'pageRowsBytes'];
/** `FLOOR_ONLY=itemsIndexed,pageRows` measures some; `FLOOR_PULL=0` skips the real pull. */
const FLOOR_VARIANTS = process.env.FLOOR_ONLY === undefined ? ALL : ALL.filter((v) => (process.env.FLOOR_ONLY ?? '').split(',').includes(v));
const WITH_PULL = process.env.FLOOR_PULL !== '0';
const ROUNDS = Number(process.env.FLOOR_ROUNDS ?? 3);

const { page, cdp, made, close } = await openPullPage(EVENTS, MAX_PULL_LIMIT);
try {
  console.log(`${made.events} events of ${made.cases} cases in ${made.pages} pages; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const rate of [1, 4]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const ms = new Map<string, number[]>();
    let rows = new Map<string, number>();
    let bytes = new Map<string, number>();
    for (let r = 0; r < ROUNDS + 1; r++) {
      const got = await page.evaluate(([run, only]) => (window.pullBench as PullBenchApi).floor(run, only), [rate * 100 + r, FLOOR_VARIANTS] as const);
      if (r === 0) continue; // warm-up
      for (const v of FLOOR_VARIANTS) ms.set(v, [...(ms.get(v) ?? []), got[v]?.ms ?? NaN]);
      rows = new Map(FLOOR_VARIANTS.map((v) => [v, got[v]?.rows ?? 0]));
      bytes = new Map(FLOOR_VARIANTS.map((v) => [v, got[v]?.bytes ?? 0]));
    }
    if (WITH_PULL) {
      const pulled = await page.evaluate((run) => (window.pullBench as PullBenchApi).pull(run), rate * 100 + 50);
      console.log(`\nthrottle ${rate}×: the real pullPages ${Math.round(pulled.ms)} ms = ${Math.round(made.events / (pulled.ms / 1000))} events/s (one run)`);
    }
    console.log(`\nthrottle ${rate}×, median of ${ROUNDS}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const v of FLOOR_VARIANTS) {
      const m = median(ms.get(v) ?? []);
      const n = rows.get(v) ?? 0;
      console.log(`${v.padEnd(16)} ${String(n).padStart(6)} rows ${Math.round(m).toString().padStart(7)} ms  ${Math.round(n / (m / 1000)).toString().padStart(8)} rows/s  ${Math.round(made.events / (m / 1000)).toString().padStart(8)} events/s  ${(((bytes.get(v) ?? 0) / 1e6) / (m / 1000)).toFixed(2).padStart(6)} MB/s of ${((bytes.get(v) ?? 0) / 1e6).toFixed(1)} MB`);
    }
  }
} finally {
  await close();
}
