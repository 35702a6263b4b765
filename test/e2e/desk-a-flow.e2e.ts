import { deflateSync } from 'node:zlib';
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, go, importFile, newKiosk, setUpDevice, storedCount, waitForServiceWorker, waitForShell } from './support/kiosk';
import { actAs, addUser, createFirstUser, drawSignature, pdfText, storedRows, usccOf } from './support/desk-b';

/**
 * Issue 6 §2, §3, §5, §6 in Debian's Chromium, offline from the start after the first load:
 * three complaints filed at the desk (two photos each for the first, downscaled to ≤ 1600 px);
 * the first notified, its defence window passed on a moved app clock (the system ticker marks it
 * overdue, CS16), then opinion, measure ordered and verified with a photo, closed; the second
 * mediated (CS24); the third not accepted for missing papers (CS9, CS11 NR_INCOMPLETE). The
 * respondent's notice N2 printed to PDF holds the defence deadline in both languages. Bad input
 * saves nothing. Screenshots of each screen in both languages go to /tmp/faircase-shots.
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;

const SHOTS = '/tmp/faircase-shots';
const CLERK = { name: '王文员', role: 'clerk', pin: '24680' } as const;
const EXPERT = { name: '李专家', role: 'expert', pin: '13579' } as const;
const SECOND_USCC = usccOf('91440300MA5F00000');
const COMPLAINANT_USCC = usccOf('91110000100000000');

/** Today and the next days in the fair's zone: the fair runs now, so no command meets CS4. */
function fairDays(n: number): string[] {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
  return Array.from({ length: n }, (_, i) => fmt.format(new Date(Date.now() + i * 86_400_000)));
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
function makePng(width: number, height: number, seed: number): Buffer {
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
async function makeJpeg(width: number, height: number): Promise<Buffer> {
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

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Moves the app clock forward to `ms` (absolute) and wakes the system ticker. */
async function setClock(ms: number): Promise<void> {
  await page.evaluate((target) => {
    (window as unknown as { __faircaseClock: { offsetMs: number } }).__faircaseClock = { offsetMs: target - Date.now() };
    window.dispatchEvent(new Event('faircase:clock'));
  }, ms);
}

const state = (): Promise<string | null> => page.getAttribute('[data-testid=case-detail]', 'data-state');

async function openCase(id: string): Promise<void> {
  await go(page, `/cases/${id}`);
  await page.waitForSelector('[data-testid=case-detail]');
  await page.waitForSelector('[data-testid=actions] [data-allowed]');
}

/** Opens an action's form, lets `fill` fill it, records it and waits for the new state. */
async function act(type: string, fill: () => Promise<void>, expected: string): Promise<void> {
  await page.waitForSelector(`[data-testid=action-${type}][data-allowed=true]`);
  await page.click(`[data-testid=action-${type}]`);
  await page.waitForSelector(`[data-testid=form-${type}]`);
  await fill();
  await page.click(`[data-testid=form-${type}] [data-testid=apply]`);
  await expect.poll(state, { timeout: 10_000 }).toBe(expected);
}

interface Filing {
  readonly name: string;
  readonly uscc: string;
  readonly right: { type: string; number: string; title: string; nice?: string };
  readonly booth: string;
  readonly item: string;
  readonly photos: readonly { name: string; mimeType: string; buffer: Buffer }[];
  readonly verifyAll: boolean;
}

/** Fills the intake form as the desk does (nothing saved yet). */
async function fillComplaint(f: Filing): Promise<void> {
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
async function fileComplaint(f: Filing): Promise<string> {
  await fillComplaint(f);
  await page.click('[data-testid=save]');
  // RP flags are shown BEFORE saving (CM3: no commitment signed); a second tap confirms.
  await page.waitForSelector('[data-testid=intake-flags]');
  if ((await page.locator('[data-testid=intake-saved]').count()) === 0) {
    await page.click('[data-testid=save]');
  }
  await page.waitForSelector('[data-testid=intake-saved]');
  const href = (await page.getAttribute('[data-testid=open-case]', 'href')) ?? '';
  return href.replace('/cases/', '');
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  ({ context, page } = await newKiosk(browser));
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await waitForShell(page);
  await createFair(page, { code: 'CF137', nameZh: '第137届广交会', sessionNo: '137', days: fairDays(6) });
  await setUpDevice(page, '一号台', 'K07', 'CF137 · 第137届广交会');
  await importFile(
    page,
    'exhibitors.csv',
    'text/csv',
    csvOf([
      EXHIBITOR_HEADER_ZH,
      ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', ''],
      ['深圳某某电子有限公司', 'Shenzhen Electronics', 'CN', SECOND_USCC, '', '1.1', 'A02', '', ''],
      ['Acme GmbH', 'Acme GmbH', 'DE', 'HRB 999', '', '2.2', 'B01', '', ''],
    ]),
  );
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(page, '赵主办', '97531');
  await addUser(page, CLERK);
  await addUser(page, EXPERT);
  await actAs(page, CLERK);
}, 180_000);
afterEach(async (ctx) => {
  // A failing step leaves its screen behind for the report.
  if (ctx.task.result?.state !== 'fail') return;
  await page.screenshot({ path: `${SHOTS}/fail-${ctx.task.name.slice(1, 5)}.png` });
  console.log('errors on screen:', await page.locator('.error, [data-testid=action-error], [data-testid=form-errors]').allTextContents());
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

let case1 = '';
let case2 = '';
let case3 = '';

test('[CS8] bad input on the complaint form: an error per field in the user\u2019s language, nothing saved', async () => {
  await go(page, '/complaints/new');
  await page.waitForSelector('[data-testid=complaint-form]');
  await page.fill('input[name="complainant.uscc"]', '91350100M000100Y44');
  await page.fill('input[name="rights.0.number"]', 'ZL201710601862.4');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=form-errors]');
  const err = (name: string): Promise<string | null> => page.locator(`input[name="${name}"] ~ .error`).textContent();
  expect(await err('complainant.name')).toBe('必填。');
  const zhName = await err('complainant.name');
  expect(await err('complainant.phone')).toBe('必填。');
  expect(await err('complainant.uscc')).toContain('校验位');
  expect(await err('rights.0.number')).toBeTruthy();
  expect(await page.textContent('[data-testid=respondents-error]')).toContain('被投诉人');
  await shot('intake-errors-zh');
  await page.click('.status-bar .btn.lang');
  await expect.poll(() => err('complainant.name')).not.toBe(zhName);
  expect(await err('complainant.name')).toMatch(/^[\x20-\x7e]+$/);
  await shot('intake-errors-en');
  await page.click('.status-bar .btn.lang');
  expect(await storedCount(page, 'cases')).toBe(0);
  expect(await storedCount(page, 'evidence')).toBe(0);
});

test('[CN4][RP1] three complaints filed with photos downscaled to ≤ 1600 px, hashed, with the chain of custody', async () => {
  const png = makePng(2400, 1600, 7);
  const jpeg = await makeJpeg(2000, 3000);
  case1 = await fileComplaint({
    name: '北京某某科技有限公司',
    uscc: COMPLAINANT_USCC,
    right: { type: 'invention', number: 'ZL201710601862.3', title: '一种充电装置' },
    booth: '1.1/A01',
    item: '充电宝 X1',
    photos: [
      { name: 'front.png', mimeType: 'image/png', buffer: png },
      { name: 'side.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    ],
    verifyAll: true,
  });
  await shot('intake-saved-zh');
  const evidence = await storedRows<{ kind: string; sha256: string; capturedBy: string; deviceId: string; capturedAt: string; mime: string }>(page, 'evidence');
  const photos = evidence.filter((e) => e.kind === 'photo');
  expect(photos).toHaveLength(2);
  expect(evidence.filter((e) => e.kind === 'signature')).toHaveLength(1);
  const clerkId = (await storedRows<{ id: string; name: string }>(page, 'users')).find((u) => u.name === CLERK.name)?.id;
  for (const p of photos) {
    expect(p.capturedBy).toBe(clerkId);
    expect(p.deviceId).toMatch(/^[0-9A-Z]{26}$/);
    expect(p.mime).toBe('image/jpeg');
  }
  // The stored files are ≤ 1600 px and their SHA-256 is what the record says.
  const checked = await page.evaluate(async (hashes) => {
    const open = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('faircase');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: { w: number; h: number; same: boolean }[] = [];
    for (const h of hashes) {
      const row = await new Promise<{ blob: Blob }>((resolve, reject) => {
        const req = open.transaction('blobs', 'readonly').objectStore('blobs').get(h);
        req.onsuccess = () => resolve(req.result as { blob: Blob });
        req.onerror = () => reject(req.error);
      });
      const bmp = await createImageBitmap(row.blob);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await row.blob.arrayBuffer()));
      const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
      out.push({ w: bmp.width, h: bmp.height, same: hex === h });
    }
    open.close();
    return out;
  }, photos.map((p) => p.sha256));
  expect(checked).toEqual(expect.arrayContaining([{ w: 1600, h: 1067, same: true }, { w: 1067, h: 1600, same: true }]));

  case2 = await fileComplaint({
    name: '北京某某科技有限公司',
    uscc: COMPLAINANT_USCC,
    right: { type: 'trademark', number: '12345678', title: 'FAIRBRAND', nice: '9, 25' },
    booth: '1.1/A02',
    item: '运动鞋',
    photos: [],
    verifyAll: true,
  });
  case3 = await fileComplaint({
    name: '北京某某科技有限公司',
    uscc: COMPLAINANT_USCC,
    right: { type: 'copyright', number: '国作登字-2020-F-00000001', title: '卡通形象' },
    booth: '2.2/B01',
    item: '印花T恤',
    photos: [],
    verifyAll: false,
  });
  expect(await storedCount(page, 'cases')).toBe(3);
  const cases = await storedRows<{ caseNo: string; flags: string[] }>(page, 'cases');
  expect(cases.map((c) => c.caseNo).sort()).toEqual(['CF137-K07-0001', 'CF137-K07-0002', 'CF137-K07-0003'].map((p) => expect.stringMatching(new RegExp(`^${p}-[0-9A-Z]$`))));
  expect(cases.every((c) => c.flags.includes('NO_COMMITMENT'))).toBe(true);
});

test('[CS9][CS12][CS24] supplement requested; a clerk cannot accept (reason shown); the second case is mediated', async () => {
  await openCase(case3);
  await act('RequestSupplement', async () => {}, 'INCOMPLETE');
  await openCase(case2);
  // A clerk: Accept is disabled, with the reason in the user's language.
  expect(await page.getAttribute('[data-testid=action-Accept]', 'data-allowed')).toBe('false');
  expect(await page.textContent('[data-testid=reason-Accept]')).toContain('工作人员');
  await actAs(page, EXPERT);
  await openCase(case2);
  await act('Accept', async () => {}, 'ACCEPTED');
  // Bad input: no terms, no signatures → errors, nothing recorded.
  await page.click('[data-testid=action-RecordSettlement]');
  await page.click('[data-testid=form-RecordSettlement] [data-testid=apply]');
  await page.waitForSelector('[data-testid=action-error]');
  expect(await page.locator('[data-testid=form-RecordSettlement] .error').count()).toBeGreaterThanOrEqual(3);
  expect(await state()).toBe('ACCEPTED');
  await page.fill('textarea[name=terms]', '被投诉人撤下展品并书面保证不再展出。');
  await drawSignature(page, 'sig-complainantSignatureEvidenceId');
  await drawSignature(page, 'sig-respondentSignatureEvidenceId');
  await page.click('[data-testid=form-RecordSettlement] [data-testid=apply]');
  await expect.poll(state).toBe('CLOSED');
  expect(await page.textContent('[data-testid=case-outcome]')).toBe('调解结案');
});

let defenceDue = '';

test('[CS13][DL8] the respondent is notified at the booth; N2 printed to PDF holds the defence deadline in both languages', async () => {
  await openCase(case1);
  await act('Accept', async () => {}, 'ACCEPTED');
  // Bad input: signed service without the respondent's signature.
  await page.click('[data-testid=action-NotifyRespondent]');
  await page.click('[data-testid=form-NotifyRespondent] [data-testid=apply]');
  await page.waitForSelector('[data-testid=form-NotifyRespondent] .error');
  expect(await state()).toBe('ACCEPTED');
  await drawSignature(page, 'sig-service.signatureEvidenceId');
  await page.click('[data-testid=form-NotifyRespondent] [data-testid=apply]');
  await expect.poll(state).toBe('NOTIFIED');
  defenceDue = (await page.getAttribute('[data-testid=deadlines] [data-kind=defence]', 'data-due')) ?? '';
  expect(defenceDue).toMatch(/^\d{4}-\d\d-\d\dT/);
  // DL8: absolute in the fair's zone, with a countdown.
  const shown = (await page.textContent('[data-testid=deadlines] [data-kind=defence]')) ?? '';
  expect(shown).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\)/);
  expect(shown).toContain('还剩');
  expect(await page.textContent('[data-testid=reason-MarkDefenceOverdue]')).toBeTruthy();
  await shot('case-notified-zh');

  await page.click('[data-testid=notice-N2]');
  await page.waitForSelector('[data-testid=notice-N2][data-ready=true]');
  await shot('notice-n2-zh');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { text, pages } = await pdfText(pdf);
  const dueText = shown.match(/\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\)/)?.[0] ?? 'missing';
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(text).toContain('答辩期限');
  expect(text).toContain('Defence deadline');
  expect(text.split(dueText).length - 1).toBeGreaterThanOrEqual(2);
  expect(text).toContain('CF137-K07-0001');
  // The respondent's copy omits the complainant's phone (§11).
  expect(text).not.toContain('+8613800138000');
});

test('[CS16][CS7][CS18][CS19][CS28] the defence window passes (moved clock): overdue by the system; opinion, measure verified with a photo, closed', async () => {
  await openCase(case1);
  const supplementDue = await page.evaluate(async (id) => {
    const open = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('faircase');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const row = await new Promise<{ deadlines: { supplement?: { dueAt: string } } }>((resolve) => {
      const req = open.transaction('cases', 'readonly').objectStore('cases').get(id);
      req.onsuccess = () => resolve(req.result as never);
    });
    open.close();
    return row.deadlines.supplement?.dueAt ?? '';
  }, case3);
  await setClock(Math.max(Date.parse(defenceDue), Date.parse(supplementDue)) + 60_000);
  // CS16: the system ticker marks it, as the `system` actor.
  await expect.poll(state, { timeout: 20_000 }).toBe('DEFENCE_OVERDUE');
  expect(await page.getAttribute('[data-testid=timeline] li[data-type=MarkDefenceOverdue]', 'data-type')).toBe('MarkDefenceOverdue');

  // Bad input: an opinion without reasons.
  await page.click('[data-testid=action-IssueOpinion]');
  await page.click('[data-testid=form-IssueOpinion] [data-testid=apply]');
  await page.waitForSelector('[data-testid=form-IssueOpinion] .error');
  expect(await state()).toBe('DEFENCE_OVERDUE');
  await page.fill('textarea[name=reasons]', '被投诉人逾期未答辩；展品与专利权利要求1全部技术特征相同。');
  await page.click('[data-testid=form-IssueOpinion] [data-testid=apply]');
  await expect.poll(state).toBe('DETERMINED');

  await act('OrderMeasures', () => page.check('input[name="measures.COVER"]'), 'MEASURES_ORDERED');
  await act(
    'VerifyMeasure',
    () => page.setInputFiles('[data-testid="photos-photos"]', [{ name: 'covered.png', mimeType: 'image/png', buffer: makePng(800, 600, 3) }]),
    'MEASURES_VERIFIED',
  );
  expect(await page.getAttribute('[data-testid=measures] [data-verified]', 'data-verified')).toBe('done');
  await act(
    'Close',
    async () => {
      await page.check('input[name=waive]');
      await drawSignature(page, 'sig-reviewWaiver.complainantSignatureEvidenceId');
      await drawSignature(page, 'sig-reviewWaiver.respondentSignatureEvidenceId');
    },
    'CLOSED',
  );
  expect(await page.textContent('[data-testid=case-outcome]')).toBe('认定涉嫌侵权');
  await shot('case-closed-zh');
  await page.click('.status-bar .btn.lang');
  await page.waitForSelector('[data-testid=case-outcome]:has-text("Established as alleged infringement")');
  await shot('case-closed-en');
  await page.click('[data-testid=notice-N3]');
  await page.waitForSelector('[data-testid=notice-N3][data-ready=true]');
  await shot('notice-n3-en');
  expect(await page.textContent('[data-testid=notice-N3]')).toContain('reference opinion, not a legal finding');
  await page.click('.status-bar .btn.lang');
});

test('[CS11][RP4][RP1] the third case is not accepted for missing papers (NR_INCOMPLETE); a duplicate and a repeat respondent are flagged before saving', async () => {
  await openCase(case3);
  expect(await state()).toBe('INCOMPLETE');
  await act(
    'Reject',
    async () => {
      await page.selectOption('select[name=reason]', 'NR_INCOMPLETE');
    },
    'CLOSED',
  );
  expect(await page.textContent('[data-testid=case-outcome]')).toBe('不予接受');
  await page.click('[data-testid=notice-N3]');
  await page.waitForSelector('[data-testid=notice-N3][data-ready=true]');
  expect(await page.textContent('[data-testid=notice-N3]')).toContain('逾期未补正');
  // RP4 and RP1 before saving: the same complainant, right and respondent again (DUPLICATE), and
  // a respondent with an established case (REPEAT_RESPONDENT); nothing is written by the check.
  await fillComplaint({
    name: '北京某某科技有限公司',
    uscc: COMPLAINANT_USCC,
    right: { type: 'invention', number: '201710601862.3', title: '一种充电装置' },
    booth: '1.1/A01',
    item: '充电宝 X2',
    photos: [],
    verifyAll: false,
  });
  await page.click('[data-testid=check-flags]');
  await page.waitForSelector('[data-testid=intake-flags] [data-flag=DUPLICATE]');
  await page.waitForSelector('[data-testid=intake-flags] [data-flag=REPEAT_RESPONDENT]');
  expect(await page.textContent('[data-testid=intake-flags] [data-flag=DUPLICATE]')).toMatch(/CF137-K07-0001-/);
  await shot('intake-flags-zh');
  expect(await storedCount(page, 'cases')).toBe(3);
  await go(page, '/complaints/new');
  await page.waitForSelector('[data-testid=complaint-form]');
  await shot('intake-zh');
  await page.click('.status-bar .btn.lang');
  await page.waitForSelector('h1:has-text("File a complaint")');
  await shot('intake-en');
  await page.click('.status-bar .btn.lang');
});
