import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, csvOf, go, importFile, newKiosk, setUpDevice, waitForServiceWorker, waitForShell } from './support/kiosk';
import { actAs, addUser, createFirstUser, drawSignature, signIn, storedRows, tapPin, usccOf } from './support/desk-b';
import { act, caseState, fairDays, fileComplaint, makePng, openCase, setClock, type Filing } from './support/desk-flow';

/**
 * Case actions in Debian's Chromium, offline after the first load: the case actions the main flow
 * (desk-a-flow) does not take, each through its form on the detail screen, each checked on the
 * timeline, and beside each an action the state machine refuses shown disabled with its reason
 * in the user's language: withdrawal (CS25), transfer to an authority (CS20) and its handover
 * (CS21), voluntary removal (CS29), the respondent's review request (CS22) decided by an expert not
 * on the opinion (CS23), re-ordering after a redisplay (CS30). Then the PIN lockout (LC6).
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;

const SHOTS = '/tmp/faircase-shots';
const CLERK = { name: '王文员', role: 'clerk', pin: '24680' } as const;
const EXPERT = { name: '李专家', role: 'expert', pin: '13579' } as const;
const EXPERT2 = { name: '周专家', role: 'expert', pin: '86420' } as const;
const COMPLAINANT_USCC = usccOf('91110000100000000');
const AUTHORITY = '广州市市场监督管理局';

const filing = (booth: string, n: number): Filing => ({
  name: '北京某某科技有限公司',
  uscc: COMPLAINANT_USCC,
  right: { type: 'trademark', number: String(12345670 + n), title: `BRAND${n}`, nice: '9' },
  booth,
  item: `展品 ${n}`,
  photos: [],
  verifyAll: true,
});

const timelineTypes = (): Promise<string[]> => page.locator('[data-testid=timeline] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-type') ?? ''));
const allowed = (type: string): Promise<string | null> => page.getAttribute(`[data-testid=action-${type}]`, 'data-allowed');
const reason = (type: string): Promise<string | null> => page.textContent(`[data-testid=reason-${type}]`);
const outcome = (): Promise<string | null> => page.textContent('[data-testid=case-outcome]');

/** A refused action: the button disabled, its reason under it. */
async function expectRefused(type: string, says: RegExp | string): Promise<void> {
  await expect.poll(() => allowed(type)).toBe('false');
  expect(await page.isDisabled(`[data-testid=action-${type}]`)).toBe(true);
  const text = (await reason(type)) ?? '';
  if (typeof says === 'string') expect(text).toContain(says);
  else expect(text).toMatch(says);
}

/** An action that leaves the state as it is: applied, then seen on the timeline. */
async function actInPlace(type: string, fill: () => Promise<void>): Promise<void> {
  const before = (await timelineTypes()).filter((x) => x === type).length;
  await page.waitForSelector(`[data-testid=action-${type}][data-allowed=true]`);
  await page.click(`[data-testid=action-${type}]`);
  await page.waitForSelector(`[data-testid=form-${type}]`);
  await fill();
  await page.click(`[data-testid=form-${type}] [data-testid=apply]`);
  await expect.poll(async () => (await timelineTypes()).filter((x) => x === type).length, { timeout: 10_000 }).toBe(before + 1);
}

/** The fair, with one authority to transfer to (§3 `authorities`), made on the fair form. */
async function createFairWithAuthority(): Promise<void> {
  await go(page, '/fairs/new');
  await page.waitForSelector('[data-testid=fair-form]');
  await page.fill('input[name=code]', 'CF137');
  await page.fill('input[name=nameZh]', '第137届广交会');
  await page.fill('input[name=sessionNo]', '137');
  for (const [i, day] of fairDays(5).entries()) {
    if (i > 0) await page.click('[data-testid=add-day]');
    await page.fill(`input[name="days.${i}.date"]`, day);
  }
  await page.click('button:has-text("添加机关")');
  await page.fill('input[name="authorities.0.name"]', AUTHORITY);
  await page.fill('input[name="authorities.0.contact"]', '020-12345678');
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=fair-list], [data-testid=form-error]');
  if ((await page.$('[data-testid=form-error]')) !== null) throw new Error(`fair not saved: ${await page.textContent('form')}`);
}

beforeAll(async () => {
  browser = await launchChromium();
  ({ context, page } = await newKiosk(browser));
  await page.goto(inject('appUrl'));
  await waitForShell(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await waitForShell(page);
  await createFairWithAuthority();
  await setUpDevice(page, '二号台', 'K08', 'CF137 · 第137届广交会');
  await importFile(
    page,
    'exhibitors.csv',
    'text/csv',
    csvOf([
      EXHIBITOR_HEADER_ZH,
      ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', ''],
      ['深圳某某电子有限公司', 'Shenzhen Electronics', 'CN', usccOf('91440300MA5F00000'), '', '1.1', 'A02', '', ''],
      ['厦门某某贸易有限公司', 'Xiamen Trading', 'CN', usccOf('91350200MA2X00000'), '', '1.2', 'C01', '', ''],
      ['宁波某某家居有限公司', 'Ningbo Home', 'CN', usccOf('91330200MA2H00000'), '', '1.2', 'C02', '', ''],
    ]),
  );
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(page, '赵主办', '97531');
  await addUser(page, CLERK);
  await addUser(page, EXPERT);
  await addUser(page, EXPERT2);
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await page.screenshot({ path: `${SHOTS}/fail-desk-c-${ctx.task.name.slice(1, 5)}.png` });
  console.log('errors on screen:', await page.locator('.error, [data-testid=action-error], [data-testid=form-errors]').allTextContents());
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

test('[CS25] the complainant withdraws a received complaint (signed); an opinion is refused before acceptance, and nothing is allowed once closed', async () => {
  await actAs(page, CLERK);
  const id = await fileComplaint(page, filing('1.1/A01', 1));
  await openCase(page, id);
  expect(await caseState(page)).toBe('RECEIVED');
  // A clerk on a received case: no opinion (only an expert, and not before acceptance).
  await expectRefused('IssueOpinion', '您的角色（工作人员）不能办理此操作');
  await expectRefused('Accept', '工作人员');
  await act(
    page,
    'Withdraw',
    async () => {
      await page.fill('textarea[name=reason]', '双方已自行协商。');
      await drawSignature(page, 'sig-signatureEvidenceId');
    },
    'CLOSED',
  );
  expect(await outcome()).toBe('投诉人撤回');
  expect(await timelineTypes()).toEqual(expect.arrayContaining(['Submit', 'Withdraw']));
  await expectRefused('Withdraw', '当前状态（已结案）不能办理此操作');
  await expectRefused('RequestSupplement', '已结案');
  // The same reason, re-worded in English.
  const zh = (await reason('Withdraw')) ?? '';
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => reason('Withdraw')).not.toBe(zh);
  expect(await reason('Withdraw')).toMatch(/^[\x20-\x7e\u2019\u2013\u2014]+$/);
  await page.click('[data-testid=language-switch]');
});

test('[CS20][CS21] an accepted case is transferred to the listed authority, then handed over; transfer is refused before acceptance', async () => {
  await actAs(page, CLERK);
  const id = await fileComplaint(page, filing('1.1/A02', 2));
  await actAs(page, EXPERT);
  await openCase(page, id);
  await expectRefused('Transfer', /已接收|须已受理/);
  await act(page, 'Accept', async () => {}, 'ACCEPTED');
  // Bad input: no reason → an error under the field, still accepted.
  await page.click('[data-testid=action-Transfer]');
  await page.click('[data-testid=form-Transfer] [data-testid=apply]');
  await page.waitForSelector('[data-testid=form-Transfer] .error');
  expect(await caseState(page)).toBe('ACCEPTED');
  await page.fill('textarea[name=reason]', '涉嫌假冒注册商标，数量较大。');
  await page.click('[data-testid=form-Transfer] [data-testid=apply]');
  await expect.poll(() => caseState(page)).toBe('TRANSFERRED');
  // CS6: a provisional outcome; the handover window starts (uncapped, DL4).
  await page.waitForSelector('[data-testid=deadlines] [data-kind=handover]');
  await actInPlace('RecordHandover', async () => {
    await page.fill('input[name=receivingOfficer]', '刘警官');
  });
  expect(await caseState(page)).toBe('TRANSFERRED');
  expect(await timelineTypes()).toEqual(expect.arrayContaining(['Accept', 'Transfer', 'RecordHandover']));
  await expectRefused('Accept', '已移交');
  const [stored] = (await storedRows<{ id: string; transfer?: { authorityName: string } }>(page, 'cases')).filter((c) => c.id === id);
  expect(JSON.stringify(stored)).toContain(AUTHORITY);
});

test('[CS29] the respondent removes the items on its own after notice (clerk, signature, photo): closed as voluntary removal; an expert may not record it', async () => {
  await actAs(page, CLERK);
  const id = await fileComplaint(page, filing('1.2/C01', 3));
  await actAs(page, EXPERT);
  await openCase(page, id);
  await act(page, 'Accept', async () => {}, 'ACCEPTED');
  await act(page, 'NotifyRespondent', () => drawSignature(page, 'sig-service.signatureEvidenceId'), 'NOTIFIED');
  // CS29 is the clerk's (R + K): refused for an expert, with the reason.
  await expectRefused('RecordVoluntaryRemoval', '您的角色（驻场专家）不能办理此操作');
  await actAs(page, CLERK);
  await openCase(page, id);
  await act(
    page,
    'RecordVoluntaryRemoval',
    async () => {
      await drawSignature(page, 'sig-respondentSignatureEvidenceId');
      await page.setInputFiles('[data-testid="photos-photos"]', [{ name: 'removed.png', mimeType: 'image/png', buffer: makePng(640, 480, 5) }]);
    },
    'CLOSED',
  );
  expect(await outcome()).toBe('自行撤展');
  expect(await timelineTypes()).toEqual(expect.arrayContaining(['NotifyRespondent', 'RecordVoluntaryRemoval']));
  await expectRefused('RecordDefence', '已结案');
});

test('[CS22][CS23][CS30] the respondent appeals a verified measure; the expert on the opinion may not decide it, a second expert upholds it; a redisplay re-orders measures', async () => {
  await actAs(page, CLERK);
  const id = await fileComplaint(page, filing('1.2/C02', 4));
  await actAs(page, EXPERT);
  await openCase(page, id);
  await act(page, 'Accept', async () => {}, 'ACCEPTED');
  await act(page, 'NotifyRespondent', () => drawSignature(page, 'sig-service.signatureEvidenceId'), 'NOTIFIED');
  await actAs(page, CLERK);
  await openCase(page, id);
  await act(page, 'RecordAdmission', () => drawSignature(page, 'sig-signatureEvidenceId'), 'ADMITTED');
  // Review before an opinion: refused.
  await expectRefused('RequestReview', '被投诉人认可');
  await actAs(page, EXPERT);
  await openCase(page, id);
  await act(page, 'IssueOpinion', () => page.fill('textarea[name=reasons]', '被投诉人认可侵权。'), 'DETERMINED');
  await act(page, 'OrderMeasures', () => page.check('input[name="measures.COVER"]'), 'MEASURES_ORDERED');
  await act(
    page,
    'VerifyMeasure',
    () => page.setInputFiles('[data-testid="photos-photos"]', [{ name: 'covered.png', mimeType: 'image/png', buffer: makePng(640, 480, 9) }]),
    'MEASURES_VERIFIED',
  );
  // CS22: the respondent's request, entered by the clerk with the respondent's signature.
  await actAs(page, CLERK);
  await openCase(page, id);
  await act(
    page,
    'RequestReview',
    async () => {
      await page.selectOption('select[name=party]', 'respondent');
      await page.fill('textarea[name=grounds]', '展品为自主设计，与注册商标不近似。');
      await drawSignature(page, 'sig-signatureEvidenceId');
    },
    'UNDER_REVIEW',
  );
  // CS23: the expert who gave the opinion may not decide the review.
  await actAs(page, EXPERT);
  await openCase(page, id);
  await expectRefused('DecideReview', '复核须由未参与原意见的专家决定');
  await actAs(page, EXPERT2);
  await openCase(page, id);
  await act(
    page,
    'DecideReview',
    async () => {
      await page.selectOption('select[name=decision]', 'upheld');
      await page.fill('textarea[name=reasons]', '维持原意见。');
    },
    'MEASURES_VERIFIED',
  );
  // CS30: found on display again at an inspection: measures ordered again, flagged REDISPLAY.
  await act(page, 'ReorderAfterRedisplay', () => page.check('input[name="measures.WITHDRAW_EXHIBIT"]'), 'MEASURES_ORDERED');
  expect(await timelineTypes()).toEqual(expect.arrayContaining(['RecordAdmission', 'IssueOpinion', 'OrderMeasures', 'VerifyMeasure', 'RequestReview', 'DecideReview', 'ReorderAfterRedisplay']));
  const [stored] = (await storedRows<{ id: string; flags: string[] }>(page, 'cases')).filter((c) => c.id === id);
  expect(stored?.flags).toContain('REDISPLAY');
  // The closing step waits on the new measure: Close is refused, with its reason.
  await expectRefused('Close', '处置中');
});

test('[CS19] a measure verification shows its photos as thumbnails, picked and stored, and opens them in the viewer with their facts', async () => {
  await actAs(page, CLERK);
  const id = await fileComplaint(page, filing('1.1/A02', 6));
  await actAs(page, EXPERT);
  await openCase(page, id);
  await act(page, 'Accept', async () => {}, 'ACCEPTED');
  await act(page, 'NotifyRespondent', () => drawSignature(page, 'sig-service.signatureEvidenceId'), 'NOTIFIED');
  await actAs(page, CLERK);
  await openCase(page, id);
  await act(page, 'RecordAdmission', () => drawSignature(page, 'sig-signatureEvidenceId'), 'ADMITTED');
  await actAs(page, EXPERT);
  await openCase(page, id);
  await act(page, 'IssueOpinion', () => page.fill('textarea[name=reasons]', '被投诉人认可侵权。'), 'DETERMINED');
  await act(page, 'OrderMeasures', () => page.check('input[name="measures.COVER"]'), 'MEASURES_ORDERED');
  const decoded = (gallery: string): Promise<number> =>
    page.locator(`[data-testid=${gallery}] [data-testid=evidence-thumb] img`).first().evaluate((img) => (img as HTMLImageElement).naturalWidth);
  await act(
    page,
    'VerifyMeasure',
    async () => {
      await page.setInputFiles('[data-testid="photos-photos"]', [
        { name: 'covered-1.png', mimeType: 'image/png', buffer: makePng(640, 480, 11) },
        { name: 'covered-2.png', mimeType: 'image/png', buffer: makePng(480, 640, 12) },
      ]);
      // Before the form is sent, the picked photos are in sight.
      await page.waitForSelector('[data-testid=picked-photos-photos][data-count="2"]');
      await expect.poll(() => decoded('picked-photos-photos'), { timeout: 15_000 }).toBeGreaterThan(0);
    },
    'MEASURES_VERIFIED',
  );
  await page.waitForSelector('[data-testid=measure-photos-COVER][data-count="2"]');
  await expect.poll(() => decoded('measure-photos-COVER'), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.locator('[data-testid=measure-photos-COVER]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/desk-measure-photos-zh.png` });
  await page.click('[data-testid=measure-photos-COVER] [data-testid=evidence-thumb] >> nth=0');
  await page.waitForSelector('[data-testid=evidence-viewer][data-index="0"]');
  await expect.poll(() => page.locator('[data-testid=viewer-image]').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  const facts = await page.locator('[data-testid=viewer-facts] dt').allTextContents();
  expect(facts).toEqual(['拍摄时间', '设备', '拍摄人', 'SHA-256']);
  expect(await page.locator('[data-testid=viewer-fact]').allTextContents()).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\+8\)$/), 'K08', EXPERT.name, expect.stringMatching(/^[0-9a-f]{64}$/)]);
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid=evidence-viewer][data-index="1"]');
  await page.screenshot({ path: `${SHOTS}/desk-measure-viewer-zh.png` });
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=evidence-viewer]', { state: 'detached' });
});

test('[CS25][CS13] bad input on the action forms: an error per field in zh-CN, then English; no event, no evidence saved', async () => {
  await actAs(page, CLERK);
  const id = await fileComplaint(page, filing('1.1/A01', 5));
  await openCase(page, id);
  const events = (await timelineTypes()).length;
  const evidence = await storedRows<{ id: string }>(page, 'evidence');
  const errorsOf = (form: string): Promise<string[]> => page.locator(`[data-testid=form-${form}] .error`).allTextContents();
  // Withdrawal without the complainant's signature.
  await page.click('[data-testid=action-Withdraw]');
  await page.click('[data-testid=form-Withdraw] [data-testid=apply]');
  await page.waitForSelector('[data-testid=form-Withdraw] .error');
  const zh = await errorsOf('Withdraw');
  expect(zh.join(' ')).toMatch(/[一-鿿]/);
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => errorsOf('Withdraw')).not.toEqual(zh);
  expect((await errorsOf('Withdraw')).join(' ')).toMatch(/^[ -~’]+$/);
  await page.click('[data-testid=language-switch]');
  expect(await caseState(page)).toBe('RECEIVED');
  // Notice refused at the booth without a witness (CS13).
  await actAs(page, EXPERT);
  await openCase(page, id);
  await act(page, 'Accept', async () => {}, 'ACCEPTED');
  await page.click('[data-testid=action-NotifyRespondent]');
  await page.selectOption('[data-testid=form-NotifyRespondent] select[name="service.kind"]', 'refused');
  await page.click('[data-testid=form-NotifyRespondent] [data-testid=apply]');
  await page.waitForSelector('[data-testid=form-NotifyRespondent] .error');
  const zhNotice = await errorsOf('NotifyRespondent');
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => errorsOf('NotifyRespondent')).not.toEqual(zhNotice);
  await page.click('[data-testid=language-switch]');
  expect(await caseState(page)).toBe('ACCEPTED');
  expect((await timelineTypes()).length).toBe(events + 1);
  expect(await storedRows<{ id: string }>(page, 'evidence')).toHaveLength(evidence.length);
});

test('[LC6] five wrong PINs lock the user with the time left in both languages; the lock survives a reload; it runs out on the clock', async () => {
  await go(page, '/sign-in');
  await page.waitForSelector('[data-testid=signed-in], [data-testid=sign-in]');
  if ((await page.locator('[data-testid=signed-in]').count()) > 0) await page.click('[data-testid=signed-in] [data-testid=sign-out]');
  await page.waitForSelector('[data-testid=sign-in]');
  await signIn(page, CLERK.name, '0000');
  await expect.poll(() => page.textContent('[data-testid=pin-error]')).toContain('锁定前还可再试 4 次');
  for (const left of [3, 2, 1]) {
    await tapPin(page, '0000');
    await page.click('[data-testid=pin-submit]');
    await expect.poll(() => page.textContent('[data-testid=pin-error]')).toContain(`锁定前还可再试 ${left} 次`);
  }
  await tapPin(page, '0000');
  await page.click('[data-testid=pin-submit]');
  await page.waitForSelector('[data-testid=pin-locked]');
  expect(await page.textContent('[data-testid=pin-locked]')).toMatch(/已被锁定.*[01]:\d\d/);
  expect(Number(await page.getAttribute('[data-testid=pin-locked]', 'data-seconds'))).toBeGreaterThan(50);
  // Locked: even the right PIN cannot be sent.
  await tapPin(page, CLERK.pin);
  expect(await page.isDisabled('[data-testid=pin-submit]')).toBe(true);
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => page.textContent('[data-testid=pin-locked]')).toMatch(/locked\. Try again in [01]:\d\d/);
  await page.click('[data-testid=language-switch]');
  // A reload does not reset the count.
  await page.reload();
  await waitForShell(page);
  await go(page, '/sign-in');
  await page.click(`[data-testid=user-tile][data-name="${CLERK.name}"]`);
  await page.waitForSelector('[data-testid=pin-locked]');
  expect(await page.locator('[data-testid=signed-in]').count()).toBe(0);
  // A minute later on the app clock the lock has run out; the right PIN signs in.
  await setClock(page, Date.now() + 61_000);
  await page.waitForSelector('[data-testid=pin-locked]', { state: 'detached', timeout: 5000 });
  await tapPin(page, CLERK.pin);
  await page.click('[data-testid=pin-submit]');
  await page.waitForSelector('[data-testid=signed-in]');
  const meta = await storedRows<{ key: string }>(page, 'meta');
  expect(meta.some((m) => m.key.startsWith('pinLock:'))).toBe(false);
});

test('[DL8] screens at 1280×800 in zh-CN and English: board, case detail, intake (looked at by a person: /tmp/faircase-shots/desk-*)', async () => {
  await actAs(page, EXPERT);
  const shoot = async (name: string): Promise<void> => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/desk-${name}.png` });
  };
  for (const lang of ['zh', 'en'] as const) {
    await go(page, '/board');
    await page.waitForSelector('[data-testid=board-row]');
    await shoot(`board-${lang}`);
    const first = (await page.getAttribute('[data-testid=board-row] >> nth=0', 'href')) ?? '';
    await openCase(page, first.replace('/cases/', ''));
    await shoot(`detail-${lang}`);
    await go(page, '/complaints/new');
    await page.waitForSelector('[data-testid=complaint-form], [data-testid=intake-saved]');
    if ((await page.locator('[data-testid=intake-saved]').count()) > 0) await page.click('[data-testid=new-complaint]');
    await page.waitForSelector('[data-testid=complaint-form]');
    await shoot(`intake-${lang}`);
    // The rail's entries fit on one line each (none wraps at this width).
    const tall = await page.locator('.rail-link').evaluateAll((els) =>
      els
        .filter((e) => {
          const text = [...e.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
          if (text === undefined) return false;
          const range = document.createRange();
          range.selectNodeContents(text);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((e) => e.textContent),
    );
    expect(tall).toEqual([]);
    if (lang === 'zh') await page.click('[data-testid=language-switch]');
  }
  await page.click('[data-testid=language-switch]');
});
