import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { boardRows, seedBoardRows, type BoardSeed } from '../support/board-seed';
import { exhibitorRows, seedExhibitorRows, seedExhibitors } from '../support/exhibitor-seed';
import { createFair, go, newKiosk, setUpDevice, storedCount, waitForServiceWorker, waitForShell } from './support/kiosk';
import { actAs, createFirstUser, signIn, signOut, storedRows } from './support/desk-b';

/**
 * The case board and the consultation tally in Debian's Chromium, offline after the first load: the case board (DL8:
 * overdue first and counted, filters, search) over rows seeded into IndexedDB, and the one-tap
 * consultation tally with today's counts; bad input saves nothing.
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;

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
  await createFirstUser(page, '李专家', '13579');
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

test('[EN15] one tap counts a consultation; the choices stay; today’s counts follow; an empty topic saves nothing', async () => {
  await go(page, '/consultations');
  await page.waitForSelector('[data-testid=today-counts]');
  expect(await page.getAttribute('[data-testid=today-total]', 'data-count')).toBe('0');
  await page.click('[data-testid=chips-askerKind] [data-value=right_holder]');
  await page.click('[data-testid=chips-ipType] [data-value=trademark]');
  await page.click('[data-testid=chips-language] [data-value=en]');
  await page.click('[data-testid=topic-procedure]');
  await expect.poll(() => page.getAttribute('[data-testid=today-total]', 'data-count')).toBe('1');
  await page.click('[data-testid=topic-procedure]');
  await page.click('[data-testid=chips-opinionGiven] [data-value=yes]');
  await page.click('[data-testid=topic-infringement]');
  await expect.poll(() => page.getAttribute('[data-testid=today-total]', 'data-count')).toBe('3');
  expect(await page.textContent('[data-testid=today-topic-procedure]')).toBe('2');
  expect(await page.textContent('[data-testid=today-asker-right_holder]')).toBe('3');
  expect(await page.textContent('[data-testid=today-lang-en]')).toBe('3');
  const stored = await storedRows<{ askerKind: string; ipType?: string; opinionGiven: boolean; topic: string }>(page, 'consultations');
  expect(stored.map((c) => [c.topic, c.askerKind, c.ipType, c.opinionGiven])).toEqual(
    expect.arrayContaining([
      ['procedure', 'right_holder', 'trademark', false],
      ['infringement', 'right_holder', 'trademark', true],
    ]),
  );

  // Bad input: an empty "other" topic.
  await page.click('[data-testid=record-other]');
  await page.waitForSelector('[data-testid=form-error]');
  expect(await page.locator('.other-topic .field.invalid').count()).toBe(1);
  expect(await storedCount(page, 'consultations')).toBe(3);
  await page.fill('input[name=topic]', '海关备案咨询');
  await page.click('[data-testid=record-other]');
  await expect.poll(() => page.textContent('[data-testid=today-topic-other]')).toBe('1');
  // The choices survive a reload (the form is a draft).
  await page.reload();
  await waitForShell(page);
  await page.waitForSelector('[data-testid=chips-askerKind] [data-value=right_holder].on');
});

test('[DL8] the board: overdue first and counted everywhere, filters by hall, state, IP type and expert, search by number, booth, name or USCC', async () => {
  const expert = (await storedRows<{ id: string }>(page, 'users'))[0]?.id ?? '';
  const fairId = (await storedRows<{ id: string }>(page, 'fairs'))[0]?.id ?? '';
  const seed: BoardSeed = { fairId, count: 60, overdueEvery: 10, expertId: expert, nowMs: Date.now() };
  await seedBoardRows(page, seed);
  // What the board must show, from the same rows.
  const open = boardRows(seed).filter((r) => r.state !== 'CLOSED');
  const count = (pred: (r: Record<string, unknown>) => boolean): string => String(open.filter(pred).length);
  const shown = (): Promise<string | null> => page.getAttribute('[data-testid=board-shown-count]', 'data-count');
  // Written beside the app (raw IndexedDB): a reload reads them afresh; the session survives it.
  await page.reload();
  await waitForShell(page);
  await go(page, '/board');
  await page.waitForSelector('[data-testid=board-row]');
  await expect.poll(shown).toBe(String(open.length));
  const overdue = Number(await page.getAttribute('[data-testid=board-overdue-count]', 'data-count'));
  expect(overdue).toBe(6);
  // DL8: overdue cases top the queue, and their count shows on every screen (the rail).
  const firstFlags = await page.locator('[data-testid=board-row]').evaluateAll((rows) => rows.slice(0, 12).map((r) => r.getAttribute('data-overdue')));
  expect(firstFlags.slice(0, overdue)).toEqual(Array(overdue).fill('true'));
  expect(firstFlags[overdue]).toBe('false');
  await go(page, '/consultations');
  await expect.poll(() => page.textContent('[data-testid=rail-overdue]')).toBe(String(overdue));

  await go(page, '/board');
  await page.waitForSelector('[data-testid=board-row]');
  await page.selectOption('select[name=hall]', '2.1');
  await expect.poll(shown).toBe(count((r) => r.hall === '2.1'));
  // The spare row below the view takes its row of a new result in the frame after the paint (P3): polled.
  const booths = (): Promise<string[]> => page.locator('[data-testid=board-row] .cell-booth strong').allTextContents();
  await expect.poll(async () => (await booths()).length).toBeGreaterThan(0);
  await expect.poll(async () => (await booths()).filter((b) => !b.startsWith('2.1/'))).toEqual([]);
  await page.selectOption('select[name=hall]', '');
  await page.selectOption('select[name=state]', 'NOTIFIED');
  await expect.poll(shown).toBe(count((r) => r.state === 'NOTIFIED'));
  await expect.poll(async () => new Set(await page.locator('[data-testid=board-row] .cell-state > span:first-child').allTextContents())).toEqual(new Set(['答辩期中']));
  await page.selectOption('select[name=state]', '');
  await page.selectOption('select[name=ipType]', 'design');
  await expect.poll(shown).toBe(count((r) => (r.ipTypes as string[]).includes('design')));
  await page.selectOption('select[name=ipType]', '');
  await page.selectOption('select[name=expert]', expert);
  await expect.poll(shown).toBe(count((r) => (r.experts as string[]).includes(expert)));
  await page.selectOption('select[name=expert]', '');
  await expect.poll(shown).toBe(String(open.length));

  // Search: a case number typed in lower case without hyphens, a booth, a name, a USCC.
  const caseNo = (await page.getAttribute('[data-testid=board-row] >> nth=3', 'data-case-no')) ?? '';
  await page.fill('input[name=search]', caseNo.replace(/-/g, '').toLowerCase());
  await expect.poll(() => page.locator('[data-testid=board-row]').count()).toBe(1);
  expect(await page.getAttribute('[data-testid=board-row]', 'data-case-no')).toBe(caseNo);
  await page.fill('input[name=search]', '1.2/a0005');
  await expect.poll(shown).toBe('1');
  await page.fill('input[name=search]', '被投诉公司17');
  await expect.poll(shown).toBe('1');
  // The respondent's USCC (its exhibitor key), typed in full.
  const uscc = String(open.find((r) => r.respondent === '被投诉公司23')?.respondentKey ?? '').slice(3);
  await page.fill('input[name=search]', uscc);
  await expect.poll(() => page.textContent('[data-testid=board-row]')).toContain('被投诉公司23');
  await expect.poll(shown).toBe('1');
  await page.fill('input[name=search]', 'no such thing');
  await page.waitForSelector('[data-testid=board-empty]');

  // The list is virtual (P3): a dozen rows in the page; scrolled to the end it shows the last
  // case of the order, and a new filter starts again from the top.
  await page.fill('input[name=search]', '');
  await page.selectOption('select[name=sort]', 'caseNo');
  await expect.poll(shown).toBe(String(open.length));
  const byNo = open.map((r) => String(r.caseNo)).sort();
  await expect.poll(() => page.getAttribute('[data-testid=board-row] >> nth=0', 'data-case-no')).toBe(byNo[0]);
  expect(await page.locator('[data-testid=board-row]').count()).toBeLessThan(20);
  await page.locator('[data-testid=board-list]').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => page.locator('[data-testid=board-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-no')))).toContain(byNo[byNo.length - 1]);
  await page.screenshot({ path: '/tmp/faircase-shots/board-scrolled-zh.png' });
  await page.selectOption('select[name=hall]', '1.1');
  await expect.poll(() => page.locator('[data-testid=board-list]').evaluate((el) => el.scrollTop)).toBe(0);
  expect(await page.getAttribute('[data-testid=board-row] >> nth=0', 'data-case-no')).toBe(open.filter((r) => r.hall === '1.1').map((r) => String(r.caseNo)).sort()[0]);
  await page.selectOption('select[name=hall]', '');
  await page.selectOption('select[name=sort]', 'urgency');
  await page.screenshot({ path: '/tmp/faircase-shots/board-zh.png' });

  // English: the same board, the deadline in the fair's zone with its offset. A row on screen
  // through the switch follows the language too, its DL4 tag (a window capped at close) included.
  await page.fill('input[name=search]', '1.2/a0005');
  await expect.poll(shown).toBe('1');
  const cappedTag = '[data-testid=board-row] .cell-deadline .tag';
  expect(await page.textContent(cappedTag)).toBe('截至闭展');
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => page.textContent('[data-testid=board-overdue-count]')).toContain('overdue');
  expect(await page.textContent(cappedTag)).toBe('until fair close');
  await page.screenshot({ path: '/tmp/faircase-shots/board-capped-en.png' });
  expect(await page.textContent('[data-testid=board-row] >> nth=0')).toContain('(UTC+8)');
  await page.fill('input[name=search]', '');
  await expect.poll(shown).toBe(String(open.length));
  await page.screenshot({ path: '/tmp/faircase-shots/board-en.png' });
  await page.click('[data-testid=language-switch]');
});

test('[DL8] the board is kept once opened: back on it, the same filter, order and scroll; hidden, it takes no click, focus or time; a sign-out drops it', async () => {
  await go(page, '/board');
  await page.waitForSelector('[data-testid=board-row]');
  await page.selectOption('select[name=hall]', '1.1');
  await page.selectOption('select[name=sort]', 'caseNo');
  const list = page.locator('[data-testid=board-list]');
  await list.evaluate((el) => el.scrollTo(0, 120));
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(120);
  const firstRow = (): Promise<string | null> => page.getAttribute('[data-testid=board-row] >> nth=0', 'data-case-no');
  const before = await firstRow();

  await go(page, '/consultations');
  await page.waitForSelector('[data-testid=today-counts]');
  const hidden = await page.evaluate(() => {
    const kept = document.querySelector('[data-testid=kept-board]');
    const row = document.querySelector<HTMLElement>('[data-testid=board-row]');
    const counts = document.querySelector('[data-testid=today-counts]');
    if (kept === null || row === null || counts === null) return undefined;
    row.focus();
    const box = counts.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return { hiddenClass: kept.classList.contains('hidden'), rowVisible: row.checkVisibility(), rowFocused: document.activeElement === row, hitScreen: hit !== null && counts.contains(hit) };
  });
  // Kept but hidden: not visible, not focusable, and a tap on the screen beneath reaches that screen.
  expect(hidden).toEqual({ hiddenClass: true, rowVisible: false, rowFocused: false, hitScreen: true });
  // The rows' second clock stops while hidden.
  const countdown = (): Promise<string | null> => page.textContent('[data-testid=board-row] >> nth=0 >> [data-testid=countdown]');
  const frozen = await countdown();
  // A window on purpose: it proves the clock does NOT tick, and a tick is due every second.
  await page.waitForTimeout(2100);
  expect(await countdown()).toBe(frozen);

  await go(page, '/board');
  await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid=kept-board]')?.classList.contains('hidden'))).toBe(false);
  expect(await page.inputValue('select[name=hall]')).toBe('1.1');
  expect(await page.inputValue('select[name=sort]')).toBe('caseNo');
  expect(await list.evaluate((el) => el.scrollTop)).toBe(120);
  expect(await firstRow()).toBe(before);
  // Shown again, the countdown catches up with the clock.
  await expect.poll(countdown).not.toBe(frozen);

  // Signed out elsewhere, the kept board goes (the next user opens a fresh one).
  await go(page, '/consultations');
  await page.waitForSelector('[data-testid=today-counts]');
  await signOut(page);
  await expect.poll(() => page.locator('[data-testid=kept-board]').count()).toBe(0);
  await go(page, '/board');
  await signIn(page, '李专家', '13579');
  await page.waitForSelector('[data-testid=board-row]');
  expect(await page.inputValue('select[name=hall]')).toBe('');
});

test('[DL8] the board is prepared before its first opening: after a sign-in, idle time builds and lays it out unseen (no click, focus or reading); the first opening shows that board', async () => {
  await go(page, '/consultations');
  await page.waitForSelector('[data-testid=today-counts]');
  await signOut(page);
  // Nobody signed in: nothing is prepared (the board is per user). A window on purpose: it proves
  // that NO board is built in the idle time that would otherwise build it.
  await page.waitForTimeout(500);
  expect(await page.locator('[data-testid=kept-board]').count()).toBe(0);

  await actAs(page, { name: '李专家', pin: '13579' });
  await go(page, '/consultations');
  await page.waitForSelector('[data-testid=today-counts]');
  await page.waitForSelector('[data-testid=kept-board][data-laid-out=true]', { state: 'attached' });
  const unseen = await page.evaluate(() => {
    const kept = document.querySelector<HTMLElement>('[data-testid=kept-board]');
    const row = document.querySelector<HTMLElement>('[data-testid=board-row]');
    const counts = document.querySelector('[data-testid=today-counts]');
    if (kept === null || row === null || counts === null) return undefined;
    // Marked, to find the same element after the opening (prepared, not built again).
    row.dataset.prepared = 'yes';
    row.focus();
    const box = counts.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return { hiddenClass: kept.classList.contains('hidden'), rowVisible: row.checkVisibility(), rowFocused: document.activeElement === row, hitScreen: hit !== null && counts.contains(hit), rows: document.querySelectorAll('[data-testid=board-row]').length };
  });
  expect(unseen).toMatchObject({ hiddenClass: true, rowVisible: false, rowFocused: false, hitScreen: true });
  expect(unseen?.rows).toBeGreaterThan(0);

  await go(page, '/board');
  await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>('[data-testid=board-row]')?.checkVisibility() ?? false)).toBe(true);
  expect(await page.getAttribute('[data-testid=board-row] >> nth=0', 'data-prepared')).toBe('yes');
});

test('a closed case is found by its number or a name in the default scope, and listed by the scope "closed" and by the state CLOSED', async () => {
  const expert = (await storedRows<{ id: string }>(page, 'users'))[0]?.id ?? '';
  const fairId = (await storedRows<{ id: string }>(page, 'fairs'))[0]?.id ?? '';
  const seed: BoardSeed = { fairId, count: 60, overdueEvery: 10, expertId: expert, nowMs: Date.now() };
  await seedBoardRows(page, seed);
  const rows = boardRows(seed);
  const closed = rows.filter((r) => r.state === 'CLOSED').map((r) => String(r.caseNo)).sort();
  expect(closed).toHaveLength(6);
  await page.reload();
  await waitForShell(page);
  await go(page, '/board');
  await page.waitForSelector('[data-testid=board-row]');
  const shown = (): Promise<string | null> => page.getAttribute('[data-testid=board-shown-count]', 'data-count');
  const caseNos = (): Promise<(string | null)[]> => page.locator('[data-testid=board-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-case-no')));
  const states = (): Promise<string[]> => page.locator('[data-testid=board-row] .cell-state > span:first-child').allTextContents();
  expect(await page.inputValue('select[name=scope]')).toBe('open');
  await expect.poll(shown).toBe(String(rows.length - closed.length));

  // The default scope: a search looks at every case of the fair, closed ones included.
  const target = closed[2] ?? '';
  await page.fill('input[name=search]', target.replace(/-/g, '').toLowerCase());
  await expect.poll(caseNos).toEqual([target]);
  expect(await states()).toEqual(['已结案']);
  await page.fill('input[name=search]', '被投诉公司19');
  await expect.poll(caseNos).toEqual([rows[19]?.caseNo]);
  expect(await states()).toEqual(['已结案']);
  await page.screenshot({ path: '/tmp/shots-search/board-closed-search-zh.png' });

  // The scope "closed" lists the closed cases alone (no deadline: by number), "all" every case.
  await page.fill('input[name=search]', '');
  await page.selectOption('select[name=scope]', 'closed');
  await expect.poll(caseNos).toEqual(closed);
  await expect.poll(shown).toBe('6');
  expect(new Set(await states())).toEqual(new Set(['已结案']));
  await page.screenshot({ path: '/tmp/shots-search/board-closed-zh.png' });
  await page.click('[data-testid=language-switch]');
  await expect.poll(states).toEqual(Array(6).fill('Closed'));
  await page.screenshot({ path: '/tmp/shots-search/board-closed-en.png' });
  await page.click('[data-testid=language-switch]');
  await page.selectOption('select[name=scope]', 'all');
  await expect.poll(shown).toBe(String(rows.length));

  // The state CLOSED, from the default scope.
  await page.selectOption('select[name=scope]', 'open');
  await page.selectOption('select[name=state]', 'CLOSED');
  await expect.poll(caseNos).toEqual(closed);
  await page.selectOption('select[name=state]', '');
  await expect.poll(shown).toBe(String(rows.length - closed.length));
});

test('exhibitors are found by any part of a Chinese or English name, a contact or phone, in the list and in the respondent picker', async () => {
  const fairId = (await storedRows<{ id: string }>(page, 'fairs'))[0]?.id ?? '';
  await seedExhibitorRows(
    page,
    exhibitorRows(fairId, [
      { nameZh: '深圳市南山电器有限公司', nameEn: 'Shenzhen Nanshan Electric Co., Ltd.', hall: '1.1', stand: 'A01', uscc: '91440300MA5F00001A', contacts: [{ name: '王小明', phone: '+8613912345678' }] },
      { nameZh: '南山区电子商会', hall: '1.2', stand: 'C01' },
      { nameZh: '华为技术有限公司', nameEn: 'Huawei Technologies', hall: '2.1', stand: 'B05', contacts: [{ name: 'Li Lei', phone: '+8675512345678' }] },
    ]),
  );
  await page.reload();
  await waitForShell(page);
  await go(page, '/exhibitors');
  await page.waitForSelector('[data-testid=exhibitor-list] tbody tr');
  // What a user reads in each row: booth, name (Chinese, English under it), contacts.
  const listRows = (): Promise<string[][]> =>
    page.locator('[data-testid=exhibitor-list] tbody tr').evaluateAll((trs) => trs.map((tr) => [0, 1, 3].map((i) => (tr as HTMLTableRowElement).cells[i]?.innerText ?? '')));
  const search = async (text: string): Promise<void> => {
    await page.fill('input[name=search]', text);
    await expect.poll(() => page.getAttribute('[data-testid=exhibitor-found]', 'data-count')).not.toBeNull();
  };
  const nanshan = ['1.1/A01', '深圳市南山电器有限公司\nShenzhen Nanshan Electric Co., Ltd.', '王小明 +8613912345678'];
  await search('南山');
  await expect.poll(listRows).toEqual([nanshan, ['1.2/C01', '南山区电子商会', '']]);
  await page.screenshot({ path: '/tmp/shots-search/exhibitors-zh.png' });
  await search('南山电器');
  await expect.poll(listRows).toEqual([nanshan]);
  await search('nanshan');
  await expect.poll(listRows).toEqual([nanshan]);
  await search('TECHNOLOG');
  await expect.poll(listRows).toEqual([['2.1/B05', '华为技术有限公司\nHuawei Technologies', 'Li Lei +8675512345678']]);
  await search('139 1234');
  await expect.poll(listRows).toEqual([nanshan]);
  expect(await page.textContent('[data-testid=exhibitor-found]')).toBe('找到 1 家');
  await page.click('[data-testid=language-switch]');
  await search('electric');
  await expect.poll(listRows).toEqual([['1.1/A01', 'Shenzhen Nanshan Electric Co., Ltd.', '王小明 +8613912345678']]);
  expect(await page.textContent('[data-testid=exhibitor-found]')).toBe('1 found');
  await page.screenshot({ path: '/tmp/shots-search/exhibitors-en.png' });
  await page.fill('input[name=search]', '');
  await page.click('[data-testid=language-switch]');

  // The respondent picker: the same search, the choice gives the exhibitor's key (RP1).
  await go(page, '/complaints/new');
  await page.waitForSelector('[data-testid=complaint-form]');
  const picks = (): Promise<string[]> => page.locator('[data-testid=pick-exhibitor]').evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  await page.fill('input[name=respondentSearch]', '南山');
  await expect.poll(picks).toEqual(['1.1/A01 深圳市南山电器有限公司 Shenzhen Nanshan Electric Co., Ltd. 91440300MA5F00001A', '1.2/C01 南山区电子商会']);
  await page.locator('[data-testid=exhibitor-results]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: '/tmp/shots-search/picker-zh.png' });
  await page.fill('input[name=respondentSearch]', 'Nanshan');
  await expect.poll(picks).toEqual(['1.1/A01 深圳市南山电器有限公司 Shenzhen Nanshan Electric Co., Ltd. 91440300MA5F00001A']);
  await page.fill('input[name=respondentSearch]', '南山电器');
  await expect.poll(picks).toEqual(['1.1/A01 深圳市南山电器有限公司 Shenzhen Nanshan Electric Co., Ltd. 91440300MA5F00001A']);
  // While listed exhibitors match, the form asks for a pick and offers no hand-typed row.
  expect(await page.textContent('[data-testid=respondent-hint]')).toBe('名录中有 1 家匹配：请从中选择，不要再手工填写。');
  expect(await page.locator('[data-testid=add-respondent]').count()).toBe(0);
  await page.click('[data-testid=pick-exhibitor]');
  await page.waitForSelector('[data-testid=respondent-0]');
  expect(await page.inputValue('input[name="respondents.0.name"]')).toBe('深圳市南山电器有限公司');
  expect(await page.textContent('[data-testid=respondent-0] p.muted')).toContain('CN:91440300MA5F00001A');
  expect(await page.textContent('[data-testid=respondent-hint]')).toBe('请先按名称、展位、信用代码或电话查找；名录中查不到时才手工添加。');
  expect(await page.locator('[data-testid=add-respondent]').count()).toBe(0);
  await page.fill('input[name=respondentSearch]', 'nobody');
  await expect.poll(() => page.textContent('[data-testid=exhibitor-results]')).toBe('名录中没有匹配的参展商，可手工填写。');
  // Nothing found: a row by hand; a name typed there that a listed exhibitor's contains offers that exhibitor, with its key.
  await page.click('[data-testid=add-respondent]');
  await page.waitForSelector('[data-testid=respondent-1]');
  await page.fill('input[name="respondents.1.name"]', '南山区电子');
  await expect.poll(() => page.locator('[data-testid=respondent-1-listed-like] [data-testid=use-listed]').allTextContents()).toEqual(['改用名录中的“南山区电子商会”']);
  await page.click('[data-testid=respondent-1-listed-like] [data-testid=use-listed]');
  await expect.poll(() => page.inputValue('input[name="respondents.1.name"]')).toBe('南山区电子商会');
  expect(await page.inputValue('input[name="respondents.1.booth.hall"]')).toBe('1.2');
  expect(await page.inputValue('input[name="respondents.1.booth.stand"]')).toBe('C01');
  expect(await page.textContent('[data-testid=respondent-1] p.muted')).toBe('名录中的参展商 · NAME:南山区电子商会');
  expect(await page.locator('[data-testid=respondent-1-listed-like]').count()).toBe(0);
});

test('the exhibitor list holds every match of a long list, renders the rows in sight, and scrolls to the last', async () => {
  const fairId = (await storedRows<{ id: string }>(page, 'fairs'))[0]?.id ?? '';
  const more = seedExhibitors(400);
  // Ids of their own: the three exhibitors of the test before keep theirs.
  await seedExhibitorRows(page, exhibitorRows(fairId, more).map((r, i) => ({ ...r, id: `01JEXHIBITORB${String(i).padStart(13, '0')}` })));
  await page.reload();
  await waitForShell(page);
  await go(page, '/exhibitors');
  await page.waitForSelector('[data-testid=exhibitor-count][data-total="403"]');
  await page.fill('input[name=search]', '有限公司');
  // The 400 seeded names, 深圳市南山电器有限公司 and 华为技术有限公司.
  await expect.poll(() => page.textContent('[data-testid=exhibitor-found]')).toBe('找到 402 家');
  expect(await page.getAttribute('[data-testid=exhibitor-list]', 'aria-rowcount')).toBe('403');
  const rendered = await page.locator('[data-testid=exhibitor-list] tbody tr').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(30);
  // Scrolled to the end: the last booth in booth order, as row 403 of the table.
  const booths = [...more.map((e) => `${e.hall}/${e.stand}`), '1.1/A01', '2.1/B05'].sort();
  await page.locator('.exhibitor-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => page.locator('[data-testid=exhibitor-list] tbody tr[aria-rowindex="403"] td.booths').textContent()).toBe(booths.at(-1));
  // Typing on narrows the same result: names with 有限公司39 are numbers 39 and 390 to 399.
  await page.fill('input[name=search]', '有限公司39');
  await expect.poll(() => page.textContent('[data-testid=exhibitor-found]')).toBe('找到 11 家');
  await expect.poll(() => page.locator('[data-testid=exhibitor-list] tbody tr[aria-rowindex="2"] td.booths').textContent()).toBe(
    [39, ...Array.from({ length: 10 }, (_, k) => 390 + k)].map((i) => `${more[i]?.hall ?? ''}/${more[i]?.stand ?? ''}`).sort()[0],
  );
  await page.fill('input[name=search]', '');
});
