import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, go, importFile, newKiosk, setUpDevice, storedCount, waitForServiceWorker, waitForShell } from './support/kiosk';
import { actAs, addUser, createFirstUser, drawSignature, pdfText, storedRows, usccOf } from './support/desk-b';
import {
  act as actOn,
  caseState,
  fairDays,
  fileComplaint as fileComplaintOn,
  fillComplaint as fillComplaintOn,
  makeJpeg as makeJpegOn,
  makePng,
  openCase as openCaseOn,
  setClock as setClockOn,
  type Filing,
} from './support/desk-flow';

/**
 * The desk's main flow in Debian's Chromium, offline from the start after the first load:
 * a commitment signed at the kiosk; three complaints filed at the desk (two photos each for the first, downscaled to ≤ 1600 px);
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

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

// The shared flow helpers (support/desk-flow.ts), on this file's page.
const state = (): Promise<string | null> => caseState(page);
const openCase = (id: string): Promise<void> => openCaseOn(page, id);
const act = (type: string, fill: () => Promise<void>, expected: string): Promise<void> => actOn(page, type, fill, expected);
const fillComplaint = (f: Filing): Promise<void> => fillComplaintOn(page, f);
const fileComplaint = (f: Filing): Promise<string> => fileComplaintOn(page, f);
const setClock = (ms: number): Promise<void> => setClockOn(page, ms);
const makeJpeg = (w: number, h: number): Promise<Buffer> => makeJpegOn(page, w, h);

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
  expect(await err('rights.0.number')).toBe('专利号校验位错误。');
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

test('[CM1][CM3] offline at the kiosk, the exhibitor at 1.1/A02 signs its commitment (clauses, signer, drawn signature)', async () => {
  await go(page, '/commitments/sign');
  // This screen's list first: the text must not land in the previous screen's search field.
  await page.waitForSelector('[data-testid=pick-exhibitor]');
  await page.fill('input[name=search]', 'A02');
  await expect.poll(() => page.locator('[data-testid=pick-exhibitor]').count()).toBe(1);
  await page.click('[data-testid=pick-exhibitor]');
  await page.waitForSelector('[data-testid=commitment-form]');
  await page.click('[data-testid=tick-all]');
  await page.fill('input[name="signer.name"]', '陈经理');
  await page.fill('input[name="signer.title"]', '销售经理');
  await page.fill('input[name="signer.phone"]', '13912345678');
  await drawSignature(page);
  await page.click('[data-testid=sign]');
  await page.waitForSelector('[data-testid=commitment-signed][data-version="1"]');
  const [signed] = await storedRows<{ exhibitorKey: string; version: number; contentHash: string }>(page, 'commitments');
  expect(signed?.exhibitorKey).toBe(`CN:${SECOND_USCC}`);
  expect(signed?.contentHash).toMatch(/^[0-9a-f]{64}$/);
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
  // The complainant's signature, besides the commitment's (signed first).
  expect(evidence.filter((e) => e.kind === 'signature')).toHaveLength(2);
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
  // CM3: the respondents without a current commitment are flagged; the one that signed is not.
  const flagged = (no: string): boolean => cases.find((c) => c.caseNo.startsWith(no))?.flags.includes('NO_COMMITMENT') ?? false;
  expect([flagged('CF137-K07-0001'), flagged('CF137-K07-0002'), flagged('CF137-K07-0003')]).toEqual([true, false, true]);
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
  expect(await page.textContent('[data-testid=reason-MarkDefenceOverdue]')).toBe('您的角色（驻场专家）不能办理此操作。');
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
