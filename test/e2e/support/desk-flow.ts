/**
 * The desk's case flow as the browser tests drive it: filing a complaint through
 * the intake form, opening a case, applying an action through its form, moving the app clock,
 * and real image files for the photo inputs. Shared by the desk-* browser tests.
 */
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { go } from './kiosk';
import { drawSignature } from './desk-b';

/** The civil date in the fair's zone (Shanghai) `offset` days from now; en-CA formats YYYY-MM-DD. */
export function shanghaiDay(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));
}

/** Today and the next days in the fair's zone: the fair runs now, so no command meets CS4. */
export function fairDays(n: number): string[] {
  return Array.from({ length: n }, (_, i) => shanghaiDay(i));
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff;
  for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** A real PNG (RGB, a gradient), made here so the photo path decodes and downscales it. */
export function makePng(width: number, height: number, seed: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = (x + seed) & 0xff;
      row[2 + x * 3] = (y * 2) & 0xff;
      row[3 + x * 3] = (x ^ y ^ seed) & 0xff;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG drawn on a canvas in the page (the browser's own encoder). */
export async function makeJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const b64 = await page.evaluate(
    ([w, h]) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const g = c.getContext('2d');
      if (g === null) throw new Error('no canvas');
      const grad = g.createLinearGradient(0, 0, w, h);
      grad.addColorStop(0, '#c33');
      grad.addColorStop(1, '#33c');
      g.fillStyle = grad;
      g.fillRect(0, 0, w, h);
      return c.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
    },
    [width, height] as const,
  );
  return Buffer.from(b64, 'base64');
}

/** Moves the app clock forward to `ms` (absolute) and wakes the system ticker. */
export async function setClock(page: Page, ms: number): Promise<void> {
  await page.evaluate((target) => {
    (window as unknown as { __faircaseClock: { offsetMs: number } }).__faircaseClock = { offsetMs: target - Date.now() };
    window.dispatchEvent(new Event('faircase:clock'));
  }, ms);
}

/** The open case's state as the detail screen shows it. */
export const caseState = (page: Page): Promise<string | null> => page.getAttribute('[data-testid=case-detail]', 'data-state');

export async function openCase(page: Page, id: string): Promise<void> {
  await go(page, `/cases/${id}`);
  await page.waitForSelector('[data-testid=case-detail]');
  await page.waitForSelector('[data-testid=actions] [data-allowed]');
}

/** Opens an action's form, lets `fill` fill it, records it and waits for the new state. */
export async function act(page: Page, type: string, fill: () => Promise<void>, expected: string): Promise<void> {
  await page.waitForSelector(`[data-testid=action-${type}][data-allowed=true]`);
  await page.click(`[data-testid=action-${type}]`);
  await page.waitForSelector(`[data-testid=form-${type}]`);
  await fill();
  await page.click(`[data-testid=form-${type}] [data-testid=apply]`);
  await expect.poll(() => caseState(page), { timeout: 10_000 }).toBe(expected);
}

export interface Filing {
  readonly name: string;
  readonly uscc: string;
  readonly right: { type: string; number: string; title: string; nice?: string };
  readonly booth: string;
  readonly item: string;
  readonly photos: readonly { name: string; mimeType: string; buffer: Buffer }[];
  readonly verifyAll: boolean;
}

/** Fills the intake form as the desk does (nothing saved yet). */
export async function fillComplaint(page: Page, f: Filing): Promise<void> {
  await go(page, '/complaints/new');
  await page.waitForSelector('[data-testid=complaint-form], [data-testid=intake-saved]');
  if ((await page.locator('[data-testid=intake-saved]').count()) > 0) await page.click('[data-testid=new-complaint]');
  await page.waitForSelector('[data-testid=complaint-form]');
  await page.fill('input[name="complainant.name"]', f.name);
  await page.fill('input[name="complainant.uscc"]', f.uscc);
  await page.fill('input[name="complainant.phone"]', '13800138000');
  await page.selectOption('select[name="rights.0.type"]', f.right.type);
  await page.fill('input[name="rights.0.number"]', f.right.number);
  await page.fill('input[name="rights.0.title"]', f.right.title);
  await page.fill('input[name="rights.0.holder"]', f.name);
  if (f.right.nice !== undefined) await page.fill('input[name="rights.0.niceClasses"]', f.right.nice);
  await page.fill('input[name=respondentSearch]', f.booth);
  await page.click('[data-testid=pick-exhibitor] >> nth=0');
  await page.waitForSelector('[data-testid=respondent-0]');
  await page.fill('input[name="accusedItems.0.description"]', f.item);
  if (f.photos.length > 0) {
    await page.setInputFiles('[data-testid=photo-input-0]', [...f.photos]);
    await expect.poll(() => page.getAttribute('[data-testid=photo-count-0]', 'data-count'), { timeout: 15_000 }).toBe(String(f.photos.length));
  }
  if (f.verifyAll) {
    const codes = await page.locator('[data-testid=checklist] tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));
    for (const code of codes) {
      if (code === 'GEN-07' || code === 'TM-02') continue;
      await page.selectOption(`select[name="checklist.${code}"]`, 'verified');
      const orig = page.locator(`input[name="checklist.${code}.original"]`);
      if ((await orig.count()) > 0) await orig.check();
    }
  }
  await drawSignature(page, 'sig-signature');
}

/** Files one complaint at the desk; returns the new case's id. */
export async function fileComplaint(page: Page, f: Filing): Promise<string> {
  await fillComplaint(page, f);
  await page.click('[data-testid=save]');
  // RP flags are shown BEFORE saving (CM3: no commitment signed); a second tap confirms. Without
  // any flag the first tap saves.
  await page.waitForSelector('[data-testid=intake-flags] [data-flag], [data-testid=intake-saved]');
  if ((await page.locator('[data-testid=intake-saved]').count()) === 0) {
    await page.click('[data-testid=save]');
  }
  await page.waitForSelector('[data-testid=intake-saved]');
  const href = (await page.getAttribute('[data-testid=open-case]', 'href')) ?? '';
  return href.replace('/cases/', '');
}
