import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, go, importFile, newKiosk, setUpDevice, storedCount, waitForServiceWorker, waitForShell } from './support/kiosk';
import { createFirstUser, drawSignature, pdfText, signIn, signOut, storedRows, tapPin, usccOf } from './support/desk-b';

/**
 * Commitments and users in Debian's Chromium, offline from the start after the first load: PIN
 * sign-in (wrong PIN refused), users, a commitment signed with a drawn signature, seen on the
 * coverage screen, printed to PDF (N4: the clause texts in both languages), a new version that
 * supersedes it (CM1, CM2); bad input on each form shows an error per field and saves nothing.
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;

const SECOND_USCC = usccOf('91440300MA5F00002');

beforeAll(async () => {
  browser = await launchChromium();
  ({ context, page } = await newKiosk(browser));
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await waitForShell(page);
  await createFair(page, { code: 'CF137', nameZh: '第137届广交会', sessionNo: '137', days: ['2025-04-15', '2025-04-16'] });
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
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

test('[LC5] the first user is created at setup; a bad PIN or a mismatch saves nothing', async () => {
  await go(page, '/sign-in');
  await page.waitForSelector('[data-testid=first-user-form]');
  // Bad input: no name, a 2-digit PIN typed differently twice.
  await page.fill('[data-testid=first-user-form] input[name=pin]', '12');
  await page.fill('[data-testid=first-user-form] input[name=pinConfirm]', '13');
  await page.click('[data-testid=first-user-form] [data-testid=save]');
  await expect.poll(() => page.textContent('[data-testid=first-user-form]')).toContain('两次输入的 PIN 不一致');
  expect(await storedCount(page, 'users')).toBe(0);
  await page.fill('[data-testid=first-user-form] input[name=pinConfirm]', '12');
  await page.click('[data-testid=first-user-form] [data-testid=save]');
  await expect.poll(() => page.locator('[data-testid=first-user-form] .field.invalid').count()).toBeGreaterThanOrEqual(2);
  expect(await storedCount(page, 'users')).toBe(0);

  await createFirstUser(page, '王主任', '2468');
  expect(await storedCount(page, 'users')).toBe(1);
  const [stored] = await storedRows<Record<string, unknown>>(page, 'users');
  // The PIN is never stored in clear.
  expect(JSON.stringify(stored)).not.toContain('"2468"');
  await expect.poll(() => page.textContent('[data-testid=session-user]')).toBe('王主任');
});

test('[LC5] the organizer adds an expert; bad input per field in both languages; a wrong PIN is refused', async () => {
  await go(page, '/users');
  await page.waitForSelector('[data-testid=user-form]');
  await page.selectOption('[data-testid=user-form] select[name=role]', 'expert');
  await page.fill('[data-testid=user-form] input[name=pin]', '12a');
  await page.fill('[data-testid=user-form] input[name=pinConfirm]', '12a');
  await page.click('[data-testid=user-form] [data-testid=save]');
  await page.waitForSelector('[data-testid=form-error]');
  expect(await page.locator('[data-testid=user-form] .field.invalid').count()).toBeGreaterThanOrEqual(2);
  expect(await storedCount(page, 'users')).toBe(1);
  // The same errors, in English.
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => page.textContent('[data-testid=form-error]')).toMatch(/[A-Za-z]/);
  expect(await page.textContent('[data-testid=user-form]')).not.toMatch(/必填/);
  await page.click('[data-testid=language-switch]');

  await page.fill('[data-testid=user-form] input[name=name]', '李专家');
  await page.fill('[data-testid=user-form] input[name=pin]', '13579');
  await page.fill('[data-testid=user-form] input[name=pinConfirm]', '13579');
  await page.click('[data-testid=user-form] [data-testid=save]');
  await page.waitForSelector('[data-testid=saved]');
  expect(await storedCount(page, 'users')).toBe(2);
  await expect.poll(() => page.locator('[data-testid=user-row]').count()).toBe(2);

  await signOut(page);
  await go(page, '/sign-in');
  await page.waitForSelector('[data-testid=sign-in]');
  await signIn(page, '李专家', '0000');
  await page.waitForSelector('[data-testid=pin-error]');
  expect(await page.textContent('[data-testid=pin-error]')).toContain('PIN 不正确');
  expect(await page.locator('[data-testid=signed-in]').count()).toBe(0);
  await tapPin(page, '13579');
  await page.click('[data-testid=pin-submit]');
  await page.waitForSelector('[data-testid=signed-in]');
  await expect.poll(() => page.textContent('[data-testid=session-user]')).toBe('李专家');
  // An expert is not the organizer: the users screen is refused.
  await go(page, '/users');
  await page.waitForSelector('[data-testid=role-required]');
});

test('[CM1][CM3] a commitment with bad input is not saved; every field says why', async () => {
  await go(page, '/commitments/sign');
  // This screen's list first: the text must not land in the previous screen's search field.
  await page.waitForSelector('[data-testid=pick-exhibitor]');
  // Any part of a name finds the exhibitor, as the desk's search does.
  await page.fill('input[name=search]', '某某电子');
  await expect.poll(() => page.locator('[data-testid=exhibitor-pick] tr td:nth-child(2)').allTextContents()).toEqual(['深圳某某电子有限公司']);
  await page.fill('input[name=search]', 'A01');
  await expect.poll(() => page.locator('[data-testid=pick-exhibitor]').count()).toBe(1);
  await page.click('[data-testid=pick-exhibitor]');
  await page.waitForSelector('[data-testid=commitment-form]');
  // Only some clauses, a bad patent number, a bad phone, no signer name, no signature.
  await page.check('input[name="clause.CL1"]');
  await page.click('[data-testid=add-right]');
  await page.selectOption('select[name="declaredRights.0.type"]', 'invention');
  await page.fill('input[name="declaredRights.0.number"]', '201710601862.4');
  await page.fill('input[name="signer.phone"]', '12345');
  await page.click('[data-testid=sign]');
  await page.waitForSelector('[data-testid=form-error]');
  await expect.poll(() => page.textContent('[data-testid=clauses-error]')).toContain('CL2');
  const invalid = await page.locator('[data-testid=commitment-form] .field.invalid').evaluateAll((els) => els.map((e) => e.querySelector('input,select,canvas')?.getAttribute('name') ?? e.className));
  expect(invalid).toEqual(expect.arrayContaining(['declaredRights.0.number', 'declaredRights.0.title', 'declaredRights.0.holder', 'signer.name', 'signer.title', 'signer.phone']));
  expect(await page.textContent('.signature-field')).toContain('请签名');
  // The same errors in English, re-worded in place.
  const zhPhone = await page.locator('#f-signer\\.phone-err').textContent();
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => page.textContent('.signature-field')).toContain('Please sign');
  expect(await page.locator('#f-signer\\.phone-err').textContent()).not.toBe(zhPhone);
  expect(await page.textContent('[data-testid=clauses-error]')).toMatch(/^[\x20-\x7e\u2019]+$/);
  await page.click('[data-testid=language-switch]');
  expect(await storedCount(page, 'commitments')).toBe(0);
  expect(await storedCount(page, 'evidence')).toBe(0);
});

test('[CM1][CM2][N4] sign with a drawn signature, see it covered, print it to PDF in both languages, then supersede it', async () => {
  // The form came back from its draft (same route): fix every field.
  await page.click('[data-testid=tick-all]');
  await page.fill('input[name="declaredRights.0.number"]', '201710601862.3');
  await page.fill('input[name="declaredRights.0.title"]', '一种散热装置');
  await page.fill('input[name="declaredRights.0.holder"]', '福州某某科技有限公司');
  await page.fill('input[name="signer.name"]', '张三');
  await page.fill('input[name="signer.title"]', '总经理');
  await page.fill('input[name="signer.phone"]', '13812345678');
  await drawSignature(page);
  await page.click('[data-testid=sign]');
  await page.waitForSelector('[data-testid=commitment-signed][data-version="1"]');
  expect(await storedCount(page, 'commitments')).toBe(1);
  const evidence = await storedRows<{ kind: string; mime: string }>(page, 'evidence');
  expect(evidence.map((e) => [e.kind, e.mime])).toEqual([['signature', 'image/png']]);
  await page.waitForSelector('[data-testid=signature-image]');
  const hash12 = (await page.textContent('[data-testid=commitment-hash]'))?.trim() ?? '';
  expect(hash12).toMatch(/^[0-9a-f]{12}$/);

  await go(page, '/commitments');
  await page.waitForSelector('[data-testid=coverage-hall][data-hall="1.1"]');
  expect(await page.getAttribute('[data-testid=coverage-total]', 'data-signed')).toBe('1');
  expect(await page.getAttribute('[data-testid=coverage-total]', 'data-total')).toBe('3');
  expect(await page.getAttribute('[data-testid=coverage-row][data-name="福州某某科技有限公司"]', 'data-signed')).toBe('true');
  expect(await page.getAttribute('[data-testid=coverage-row][data-name="深圳某某电子有限公司"]', 'data-signed')).toBe('false');
  await page.selectOption('select[name=show]', 'unsigned');
  await expect.poll(() => page.locator('[data-testid=coverage-row]').count()).toBe(2);
  await page.fill('input[name=search]', 'B01');
  await expect.poll(() => page.locator('[data-testid=coverage-row]').count()).toBe(1);

  // N4, printed.
  await go(page, '/commitments/sign');
  await page.fill('input[name=search]', GOOD_USCC.slice(0, 8));
  await page.click('[data-testid=pick-exhibitor]');
  await page.click('[data-testid=print-copy]');
  await page.waitForSelector('[data-testid=commitment-copy][data-ready=true]');
  await page.waitForSelector('.print-signature');
  await page.emulateMedia({ media: 'print' });
  const { text, pages } = await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  const flat = text.replace(/\s+/g, '');
  // A new fair signs the standard clauses, v2 (CM10), printed in full in both languages.
  // NFKC: the PDF's text layer gives some CJK glyphs as Kangxi radicals (⽅ for 方).
  for (const clause of ['本单位已知悉并遵守', '扣减下届展位直至取消参展资格', '同意主办方记录本承诺及相关投诉处理情况']) expect(flat.normalize('NFKC')).toContain(clause);
  for (const clause of ['We know and comply with the Patent Law', 'bar us from exhibiting', 'reports them to the intellectual property authorities']) expect(flat).toContain(clause.replace(/\s+/g, ''));
  expect(flat).toContain(GOOD_USCC);
  expect(flat).toContain(hash12);
  expect(flat).toContain('K07');
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(flat).toContain(`1/${pages}`);
  expect(flat.indexOf('参展知识产权承诺书')).toBeLessThan(flat.indexOf('IPcommitment'));

  // CM2: a change is a new version that supersedes the old; the old stays as it was (CM1).
  await page.goBack();
  await page.waitForSelector('[data-testid=commitment-signed]');
  await page.click('[data-testid=change-commitment]');
  await page.waitForSelector('[data-testid=commitment-form]');
  // Clauses start unticked for the new version, and the signature is drawn again.
  expect(await page.isChecked('input[name="clause.CL1"]')).toBe(false);
  await page.click('[data-testid=tick-all]');
  await page.fill('input[name="signer.title"]', '董事长');
  await drawSignature(page);
  await page.click('[data-testid=sign]');
  await page.waitForSelector('[data-testid=commitment-signed][data-version="2"]');
  const all = await storedRows<{ id: string; version: number; supersedes?: string; signer: { title: string } }>(page, 'commitments');
  expect(all).toHaveLength(2);
  const v1 = all.find((c) => c.version === 1);
  const v2 = all.find((c) => c.version === 2);
  expect(v2?.supersedes).toBe(v1?.id);
  expect(v1?.signer.title).toBe('总经理');
  await go(page, '/commitments');
  await page.waitForSelector('[data-testid=coverage-total]');
  expect(await page.getAttribute('[data-testid=coverage-total]', 'data-signed')).toBe('1');
  expect(await page.textContent('[data-testid=coverage-row][data-name="福州某某科技有限公司"]')).toContain('第 2 版');
});
