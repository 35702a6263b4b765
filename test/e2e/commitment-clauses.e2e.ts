import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { Fair } from '../../src/domain/fair';
import { phoneLinkFragment } from '../../src/domain/wire/phone-payload';
import { PHONE_VIEWPORT, launchChromium } from '../support/browser';
import { createFirstUser, drawSignature, pdfText, storedRows } from './support/desk-b';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, go, importFile, newKiosk, setUpDevice, waitForServiceWorker, waitForShell } from './support/kiosk';

/**
 * A fair's own commitment wording (REFERENCE.md CM10, CM11; PI11) in Chromium, offline after the
 * first load: the organizer words two clauses in both languages, an exhibitor signs them, the
 * organizer changes the wording; the first commitment still prints the first wording, a new one
 * the new. The phone, given only the link, does not offer the fair's own wording for signing.
 */
const SHOTS = join(tmpdir(), 'faircase-shots', 'commitment-clauses');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let appUrl = '';

const FIRST = [
  { zh: '本单位不展示任何侵权展品（含包装、宣传册）；', en: 'We display no infringing goods, packaging and brochures included.' },
  { zh: '服务台认定侵权的，本单位于两小时内撤展。', en: 'We remove goods within two hours when the IP desk so decides.' },
];
const SECOND_CLAUSE_2 = { zh: '服务台认定侵权的，本单位立即撤展并封存。', en: 'We remove and seal the goods at once when the IP desk so decides.' };
/** The PDF's text layer gives some CJK glyphs as Kangxi radicals (⽰ for 示): compare under NFKC. */
const flat = (s: string): string => s.replace(/\s+/g, '').normalize('NFKC');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  appUrl = inject('appUrl');
  browser = await launchChromium();
  ({ context, page } = await newKiosk(browser));
  await page.goto(appUrl);
  await waitForShell(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await waitForShell(page);
  await createFair(page, { code: 'CF139', nameZh: '第139届广交会', sessionNo: '139', days: ['2026-04-15'] });
  await setUpDevice(page, '一号台', 'K07', 'CF139 · 第139届广交会');
  await importFile(
    page,
    'exhibitors.csv',
    'text/csv',
    csvOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', ''], ['Acme GmbH', 'Acme GmbH', 'DE', 'HRB 999', '', '2.2', 'B01', '', '']]),
  );
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(page, '王主任', '2468');
}, 180_000);

afterAll(async () => {
  await context.close();
  await browser.close();
});

const fairRow = async (): Promise<Fair> => Fair.parse((await storedRows<unknown>(page, 'fairs'))[0]);

async function openFairForm(): Promise<void> {
  await go(page, `/fairs/${(await fairRow()).id}`);
  await page.waitForSelector('[data-testid=clause-editor]');
}

async function saveFair(): Promise<void> {
  await page.click('[data-testid=fair-form] [data-testid=save]');
  await page.waitForSelector('[data-testid=fair-list], [data-testid=form-error]');
  if ((await page.$('[data-testid=form-error]')) !== null) throw new Error(`fair not saved: ${await page.textContent('form')}`);
}

async function signFor(search: string): Promise<string> {
  await go(page, '/commitments/sign');
  await page.waitForSelector('[data-testid=pick-exhibitor]');
  await page.fill('input[name=search]', search);
  await expect.poll(() => page.locator('[data-testid=pick-exhibitor]').count()).toBe(1);
  await page.click('[data-testid=pick-exhibitor]');
  await page.waitForSelector('[data-testid=commitment-form]');
  await page.click('[data-testid=tick-all]');
  await page.fill('input[name="signer.name"]', '张三');
  await page.fill('input[name="signer.title"]', '总经理');
  await page.fill('input[name="signer.phone"]', '13812345678');
  await drawSignature(page);
  await page.click('[data-testid=sign]');
  await page.waitForSelector('[data-testid=commitment-signed]');
  return (await page.getAttribute('[data-testid=clauses-signed]', 'data-template')) ?? '';
}

async function printedText(commitmentId: string): Promise<string> {
  await go(page, `/commitments/print/${commitmentId}`);
  await page.waitForSelector('[data-testid=commitment-copy][data-ready=true]');
  await page.emulateMedia({ media: 'print' });
  const { text } = await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  return flat(text);
}

test('[CM10] the organizer words two clauses in both languages; the save is revision 1', async () => {
  await openFairForm();
  expect(await page.inputValue('select[name=commitmentTemplate]')).toBe('v2');
  await page.selectOption('select[name=commitmentTemplate]', 'custom');
  // A first wording starts from the standard text; the organizer keeps two clauses and rewords them.
  await expect.poll(() => page.locator('[data-testid=clause-row]').count()).toBe(9);
  while ((await page.locator('[data-testid=clause-row]').count()) > 2) await page.locator('[data-testid=clause-row]').nth(2).locator('.btn.danger').click();
  for (const [i, c] of FIRST.entries()) {
    await page.fill(`textarea[name="clauses.${i}.zh"]`, c.zh);
    await page.fill(`textarea[name="clauses.${i}.en"]`, c.en);
  }
  await page.locator('[data-testid=clause-editor] h2').evaluate((h) => (h.scrollIntoView({ block: 'start' }), window.scrollBy(0, -140)));
  await page.screenshot({ path: join(SHOTS, 'clause-editor-zh.png') });
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => page.textContent('[data-testid=clause-editor] h2')).toBe('Commitment clauses');
  await page.screenshot({ path: join(SHOTS, 'clause-editor-en.png') });
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => page.textContent('[data-testid=clause-editor] h2')).toBe('承诺书条款');
  // An empty English text is refused on its field, and nothing is saved.
  await page.fill('textarea[name="clauses.1.en"]', '');
  await page.click('[data-testid=fair-form] [data-testid=save]');
  await page.waitForSelector('[data-testid=form-error]');
  expect(await page.getAttribute('textarea[name="clauses.1.en"]', 'aria-invalid')).toBe('true');
  expect((await fairRow()).settings.commitmentClauses).toBeUndefined();
  await page.fill('textarea[name="clauses.1.en"]', FIRST[1]!.en);
  await saveFair();
  const fair = await fairRow();
  expect(fair.settings.commitmentTemplate).toBe('custom');
  expect(fair.settings.commitmentClauses).toEqual({ version: 1, clauses: FIRST });
}, 180_000);

let firstId = '';

test('[CM11] the exhibitor signs the fair’s wording; a changed wording is revision 2 and the next signing takes it; each copy prints its own', async () => {
  await go(page, '/commitments/sign');
  await page.waitForSelector('[data-testid=pick-exhibitor]');
  expect(await signFor('A01')).toBe('custom-1');
  expect(await page.locator('[data-testid=clauses-signed] li').allTextContents()).toEqual(FIRST.map((c) => c.zh));
  firstId = (await storedRows<{ id: string }>(page, 'commitments'))[0]?.id ?? '';

  await openFairForm();
  await expect.poll(() => page.textContent('[data-testid=clause-revision]')).toContain('1');
  await page.fill('textarea[name="clauses.1.zh"]', SECOND_CLAUSE_2.zh);
  await page.fill('textarea[name="clauses.1.en"]', SECOND_CLAUSE_2.en);
  await saveFair();
  expect((await fairRow()).settings.commitmentClauses).toEqual({ version: 2, clauses: [FIRST[0], SECOND_CLAUSE_2] });

  expect(await signFor('B01')).toBe('custom-2');
  const rows = await storedRows<{ id: string; templateVersion: string; clauses?: unknown }>(page, 'commitments');
  const second = rows.find((r) => r.id !== firstId);
  expect(rows.find((r) => r.id === firstId)?.clauses).toEqual(FIRST);
  expect(second?.clauses).toEqual([FIRST[0], SECOND_CLAUSE_2]);

  const firstCopy = await printedText(firstId);
  for (const c of FIRST) {
    expect(firstCopy).toContain(flat(c.zh));
    expect(firstCopy).toContain(flat(c.en));
  }
  expect(firstCopy).not.toContain(flat(SECOND_CLAUSE_2.zh));
  expect(firstCopy).toContain(flat('主办方自定条款（第 1 次修订）'));
  expect(firstCopy).toContain(flat("Organizer's clauses (revision 1)"));
  await page.locator('section.print-part[data-lang="zh-CN"]').screenshot({ path: join(SHOTS, 'print-first-zh.png') });
  await page.locator('section.print-part[data-lang="en"]').screenshot({ path: join(SHOTS, 'print-first-en.png') });

  const secondCopy = await printedText(second?.id ?? '');
  expect(secondCopy).toContain(flat(SECOND_CLAUSE_2.zh));
  expect(secondCopy).toContain(flat(SECOND_CLAUSE_2.en));
  expect(secondCopy).not.toContain(flat(FIRST[1]!.zh));
  await page.locator('section.print-part[data-lang="zh-CN"]').screenshot({ path: join(SHOTS, 'print-second-zh.png') });
}, 300_000);

test('[PI11] the phone opened from the link alone does not offer the fair’s own wording for signing; it says where to sign', async () => {
  const phone = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', deviceScaleFactor: 2, hasTouch: true });
  try {
    const p = await phone.newPage();
    await p.goto(`${appUrl}/p/#${phoneLinkFragment(await fairRow())}`);
    await p.waitForSelector('html[data-phone=ready]');
    await p.click('[data-testid=tab-commitment]');
    // This server never received the fair (the tablet is offline): PI10 finds no wording.
    await p.waitForSelector('[data-testid=phone-clauses-at-desk]');
    await expect.poll(() => p.textContent('[data-testid=phone-clauses-at-desk]')).toContain('平板上签署');
    expect(await p.$('[data-testid=show-desk]')).toBeNull();
    expect(await p.$('[data-testid=phone-clauses]')).toBeNull();
    await p.screenshot({ path: join(SHOTS, 'phone-clauses-zh.png') });
    await p.click('[data-testid=lang-en]');
    await expect.poll(() => p.textContent('[data-testid=phone-clauses-at-desk]')).toContain('sign on the tablet at the IP desk');
    await p.screenshot({ path: join(SHOTS, 'phone-clauses-en.png') });
  } finally {
    await phone.close();
  }
}, 180_000);
