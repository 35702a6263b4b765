/**
 * P5: a pull applied on a tablet, in Debian's Chromium with 4× CPU throttling, in at most 0.6×
 * the time of a raw strict Dexie bulkPut of one row per event of the same events. The page (test/bench/pages/pull.html) runs the real
 * `pullPages` with every applier (CS5 fold, board rows, the kept events, the cursor, one Dexie
 * transaction per page of the protocol's most, 1,000) over 20,000 case events of 7 other tablets in server order. The
 * baseline is a raw Dexie `bulkPut` of the same rows, in pages of the same size, in the same run, alternated
 * with the pull so both see the same noise; the ratio is how many times slower the pull is.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import { MAX_PULL_LIMIT } from '../../src/domain/wire/protocol';
import { launchChromium } from '../support/browser';
import { median } from './figure';
import type { BenchSuite, Figure } from './figure';
import type { PullBenchApi } from './pages/pull-page';

const EVENTS = 20_000;
/** The page size `pullPages` asks for by default: the protocol's most (the server's cap). */
const PAGE = MAX_PULL_LIMIT;
const ROUNDS = 3;
const WARMUP = 1;
const THROTTLE = 4;
/** The pull's time over the raw bulkPut's, at most. */
const RATIO_GOAL = 0.6;
/** The suite gives up past this (a hung page must not hang the bench). */
const LIMIT_S = 900;
const PULL_PAGE = '/test/bench/pages/pull.html';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Vite in middleware mode over the repository, so the page imports the real src/sync code. */
async function serve(): Promise<{ origin: string; close(): Promise<void> }> {
  const vite = await createViteServer({
    configFile: false,
    root: ROOT,
    appType: 'mpa',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false },
    // Found up front, so vite never reloads the page to add a dependency mid-run.
    optimizeDeps: { entries: [PULL_PAGE.slice(1)], include: ['dexie', 'zod', 'ulidx', 'fflate', '@noble/hashes/sha2.js', '@noble/hashes/utils.js'] },
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

export interface PullPage {
  readonly page: Page;
  /** The page's DevTools session, for CPU throttling. */
  readonly cdp: CDPSession;
  /** What `prepare` made: the events, their cases and the pages they fill. */
  readonly made: ReturnType<PullBenchApi['prepare']>;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

/**
 * The bench page served, open in Chromium and ready, with `events` case events prepared in pages
 * of `pageSize` (this bench and pull-floor.ts measure on the same page).
 */
export async function openPullPage(events: number, pageSize: number): Promise<PullPage> {
  const served = await serve();
  const browser = await launchChromium().catch(async (e: unknown) => {
    await served.close();
    throw e;
  });
  const close = async (): Promise<void> => {
    await browser.close();
    await served.close();
  };
  try {
    const page = await browser.newPage();
    await page.goto(`${served.origin}${PULL_PAGE}`);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 120_000 });
    const made = await page.evaluate(([n, size]) => {
      const api = window.pullBench;
      if (api === undefined) throw new Error('bench page not ready');
      return api.prepare(n, size);
    }, [events, pageSize] as const);
    const cdp = await page.context().newCDPSession(page);
    return { page, cdp, made, close };
  } catch (e) {
    await close();
    throw e;
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** One pull and one raw bulkPut unthrottled, after the throttled rounds: events/s of each. */
async function unthrottled(page: Page, cdp: CDPSession, events: number): Promise<{ pull: number; raw: number }> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const pulled = await page.evaluate((r) => (window.pullBench as PullBenchApi).pull(r), 1000);
  const raw = await page.evaluate((r) => (window.pullBench as PullBenchApi).raw(r), 1000);
  return { pull: Math.round(events / (pulled.ms / 1000)), raw: Math.round(events / (raw / 1000)) };
}

async function measure(): Promise<readonly Figure[]> {
  const { page, cdp, made, close } = await openPullPage(EVENTS, PAGE);
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

    const pullMs: number[] = [];
    const rawMs: number[] = [];
    let written = { cases: 0, rows: 0, pages: 0, limit: 0 };
    for (let run = 0; run < WARMUP + ROUNDS; run++) {
      const pulled = await page.evaluate((r) => (window.pullBench as PullBenchApi).pull(r), run);
      const raw = await page.evaluate((r) => (window.pullBench as PullBenchApi).raw(r), run);
      if (pulled.cases !== made.cases || pulled.rows !== made.cases) throw new Error(`pull wrote ${pulled.cases} cases / ${pulled.rows} rows of ${made.cases}`);
      if (pulled.limit !== PAGE || pulled.pages !== made.pages) throw new Error(`pull asked for pages of ${pulled.limit} (${pulled.pages} pages), expected ${PAGE}`);
      written = pulled;
      if (run >= WARMUP) {
        pullMs.push(pulled.ms);
        rawMs.push(raw);
      }
    }
    const pull = median(pullMs);
    const raw = median(rawMs);
    const rate = made.events / (pull / 1000);
    const fast = await unthrottled(page, cdp, made.events);
    return [
      {
        name: 'P5 pull applied on a tablet',
        value: round2(pull / raw),
        unit: '× raw',
        goal: { op: '<=', value: RATIO_GOAL },
        ratio: { baselineName: 'raw strict Dexie bulkPut of one row per event', value: round2(pull / raw), goal: RATIO_GOAL },
        note: `${made.events} case events of ${made.cases} cases in ${made.pages} pages of ${PAGE}, ${THROTTLE}× CPU throttling, median of ${ROUNDS}: pull ${Math.round(pull)} ms = ${Math.round(rate)} events/s (${written.cases} cases folded, board rows written), raw bulkPut ${Math.round(raw)} ms (${Math.round(made.events / (raw / 1000))} rows/s); unthrottled, one run: pull ${fast.pull} events/s, raw ${fast.raw} rows/s`,
      },
    ];
  } finally {
    await close();
  }
}

export const pullBench: BenchSuite = {
  name: 'pull',
  async run(): Promise<readonly Figure[]> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${LIMIT_S} s`)), LIMIT_S * 1000);
    });
    try {
      return await Promise.race([measure(), limit]);
    } finally {
      clearTimeout(timer);
    }
  },
};
