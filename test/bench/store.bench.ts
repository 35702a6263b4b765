/**
 * P1: a durable save of a record with its item and outbox row, in Debian's Chromium
 * with 4× CPU throttling: median ≤ 30 ms, and ≤ 3× a raw Dexie `put` of the same record with
 * strict durability, measured in the same run (interleaved, so both see the same noise).
 *
 * The page (test/bench/pages/store.html) runs the real src/store code, served by vite in dev
 * (middleware) mode from the repository root (test/store/browser/serve.ts).
 */
import { launchChromium } from '../support/browser';
import { STORE_BENCH_PAGE, STORE_TEST_PAGE, serveRepo } from '../store/browser/serve';
import type { ServedRepo } from '../store/browser/serve';
import type { Browser } from 'playwright-core';
import { clerk, complaintInput } from '../store/case-fixtures';
import { fairInput } from '../store/fixtures';
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
      const complaint = await complaintWithPhotos(browser, served);
      return [
        complaint,
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

const COMPLAINTS = 15;
const COMPLAINT_WARMUP = 2;
const PHOTO_PX = 1600;

/**
 * The photo-save budget: saving a complaint with three 1600 px photos (JPEGs drawn in the page on a
 * canvas, as the camera screen downscales them): three `storeEvidence` (SHA-256 + blob + record
 * + item) and one `recordComplaint`, timed in the page, 4× CPU throttling. The hashing share is
 * `crypto.subtle.digest` of the same three blobs (read + hash), measured right after each save.
 */
async function complaintWithPhotos(browser: Browser, served: ServedRepo): Promise<Figure> {
  const page = await browser.newPage();
  try {
    await page.goto(`${served.origin}${STORE_TEST_PAGE}?db=bench-complaint-${Date.now()}`);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
    const fairId = await page.evaluate(async ({ fair, now }) => {
      const s = window.faircase;
      if (s === undefined) throw new Error('no store');
      const f = await s.fairs.createFair(fair, now as never);
      if (!f.ok) throw new Error('fair');
      await s.device.saveDevice({ name: 'Bench', shortCode: 'K07', fairId: f.value.id }, now as never);
      return f.value.id;
    }, { fair: fairInput(), now: '2025-04-15T01:00:00.000Z' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    const save: number[] = [];
    const hash: number[] = [];
    const bytes: number[] = [];
    for (let i = 0; i < COMPLAINT_WARMUP + COMPLAINTS; i++) {
      const r = await page.evaluate(
        async ({ i, px, complaint, actor, fairId }) => {
          const s = window.faircase;
          if (s === undefined) throw new Error('no store');
          // Three distinct photos made before timing: gradients with sensor-like noise, so each
          // JPEG is about the size of a downscaled camera photo (a few hundred KB).
          const photos: Blob[] = [];
          for (let k = 0; k < 3; k++) {
            const canvas = new OffscreenCanvas(px, (px * 3) / 4);
            const g = canvas.getContext('2d');
            if (g === null) throw new Error('no 2d');
            const img = g.createImageData(canvas.width, canvas.height);
            let x = (i * 3 + k + 1) * 2654435761;
            for (let p = 0; p < img.data.length; p += 4) {
              x = (x * 1103515245 + 12345) >>> 0;
              const col = (p >>> 2) % canvas.width;
              const row = Math.floor((p >>> 2) / canvas.width);
              const n = (x >>> 24) & 0x0f;
              img.data[p] = ((col >> 3) + i * 17 + n) & 0xff;
              img.data[p + 1] = ((row >> 3) + k * 40 + n) & 0xff;
              img.data[p + 2] = (((col + row) >> 4) + n) & 0xff;
              img.data[p + 3] = 255;
            }
            g.putImageData(img, 0, 0);
            photos.push(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 }));
          }
          const now = new Date(Date.parse('2025-04-15T02:00:00.000Z') + i * 60_000).toISOString();
          const t0 = performance.now();
          const ids: string[] = [];
          for (const photo of photos) {
            const ev = await s.evidence.storeEvidence(photo, { kind: 'photo', mime: 'image/jpeg', capturedAt: now as never, fairId }, now as never);
            if (!ev.ok) throw new Error(JSON.stringify(ev.error));
            ids.push(ev.value.id);
          }
          const input = { ...complaint, fairId, receivedAt: now, accusedItems: [{ description: '折叠椅 A1', evidenceIds: ids }], signatureEvidenceId: ids[0] };
          const filed = await s.cases.recordComplaint(input as never, actor as never, now as never);
          const saved = performance.now() - t0;
          if (!filed.ok) throw new Error(JSON.stringify(filed.error));
          const h0 = performance.now();
          for (const photo of photos) await crypto.subtle.digest('SHA-256', await photo.arrayBuffer());
          return { saved, hashed: performance.now() - h0, bytes: photos.reduce((n, p) => n + p.size, 0) };
        },
        { i, px: PHOTO_PX, complaint: complaintInput({ id: fairId } as never, '2025-04-15T02:00:00.000Z' as never), actor: clerk, fairId },
      );
      if (i >= COMPLAINT_WARMUP) {
        save.push(r.saved);
        hash.push(r.hashed);
        bytes.push(r.bytes);
      }
    }
    const m = median(save);
    const h = median(hash);
    return {
      name: 'Complaint + 3 photos of 1600 px, saved',
      value: round(m),
      unit: 'ms',
      // The issue asks for the figure, not a limit: one second keeps a desk save from feeling slow.
      goal: { op: '<=', value: 1000 },
      note: `median of ${COMPLAINTS} saves (3 storeEvidence + recordComplaint), ${THROTTLE}× CPU throttling; p90 ${round(p90(save))} ms; hashing (read + SHA-256 of the 3 JPEGs, ${Math.round(median(bytes) / 1024)} KB) median ${round(h)} ms = ${Math.round((h / m) * 100)} % of the save`,
    };
  } finally {
    await page.close();
  }
}
