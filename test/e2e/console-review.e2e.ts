import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CaseEvent } from '../../src/domain/case/events';
import { DeviceId } from '../../src/domain/ids';
import type { SyncItem } from '../../src/domain/sync-item';
import { addMinutes, instantFromMs } from '../../src/domain/time';
import { saveFair } from '../../src/server/console/console-store';
import { startServer, type RunningServer } from '../../src/server/server';
import { Desk, caseId, makeFair } from '../support/builders';
import { launchChromium } from '../support/browser';
import { enrol, newId, type TestDevice } from '../server/support';
import { axeViolations } from './support/a11y';
import { createFirstUser } from './support/desk-b';
import { EXHIBITOR_HEADER_EN, GOOD_USCC, csvOf, go, newKiosk, setUpDevice, waitForShell } from './support/kiosk';
import { enrolTablet, fairDays, syncNow } from './support/sync-tablets';

/**
 * The console's review queue and exhibitor list (CONSOLE-SPEC CO19–CO23) in Chromium against a
 * real server on PGlite: the organizer imports an exhibitor CSV (a bad row and a shared USCC
 * said on screen) and edits a row; a tablet sees the exhibitors and the list version after each
 * sync. Two tablets (here through the server's storage) fork a case; the tablet in the browser
 * sees it flagged; the organizer decides it on the console, and after the next sync the flag is
 * gone there. Then both new pages in both languages: axe-core and screenshots at 1440×900.
 */
const SHOTS = '/tmp/shots-author19';
const LAPTOP = { width: 1440, height: 900 } as const;
const ORGANIZER = { name: 'organizer-review', password: 'correct horse battery' } as const;

let server: RunningServer;
let browser: Browser;
let consoleContext: BrowserContext;
let page: Page;
let tablet: { context: BrowserContext; page: Page } | undefined;
let organizerId = '';
const fair = makeFair({
  id: newId(), code: 'CF142', nameZh: '第142届广交会', sessionNo: 142,
  days: fairDays(3).map((date) => ({ date, opensAt: '09:00', closesAt: '17:00' })),
});
const FAIR_LABEL = `${fair.code} · ${fair.nameZh}`;
const consoleUrl = (path: string): string => `${server.url}/console${path}`;

const asItems = (device: TestDevice, events: readonly CaseEvent[]): SyncItem[] =>
  events.map((e, i) => ({ id: e.id, fairId: device.fairId, deviceId: device.deviceId, seq: i + 1, hlc: e.hlc, at: e.at, kind: 'case_event', entityId: e.caseId, payload: e }) as unknown as SyncItem);

/** Two tablets of the fair fork a notified case: one withdraws it, the other records an admission (set aside, CS5). */
async function forkOnServer(n: number): Promise<string> {
  const a = await enrol(server.storage, fair.id);
  const b = await enrol(server.storage, fair.id);
  const deskA = new Desk(fair, instantFromMs(Date.now() - 2 * 3600_000), DeviceId.parse(a.deviceId), caseId(n), n * 1000);
  for (const type of ['Submit', 'Accept', 'NotifyRespondent'] as const) deskA.must(type);
  const deskB = deskA.branch(DeviceId.parse(b.deviceId), n * 1000 + 500);
  deskA.must('Withdraw');
  deskB.must('RecordAdmission', { at: addMinutes(deskA.now, 1) });
  await server.storage.push(a, asItems(a, deskA.events), Date.now());
  await server.storage.push(b, asItems(b, deskB.events.slice(-1)), Date.now());
  // And one item the server refuses, for the list of set-aside items.
  const junk = { id: newId(), fairId: fair.id, deviceId: b.deviceId, seq: 2, hlc: deskB.events.at(-1)?.hlc, at: deskB.events.at(-1)?.at, kind: 'consultation', entityId: newId(), payload: { nonsense: true } } as unknown as SyncItem;
  await server.storage.push(b, [junk], Date.now());
  return deskA.case?.caseNo ?? '';
}

async function signInConsole(): Promise<void> {
  await page.goto(consoleUrl('/sign-in'));
  await page.waitForSelector('[data-testid=sign-in-form]');
  await page.fill('input[name=name]', ORGANIZER.name);
  await page.fill('input[name=password]', ORGANIZER.password);
  await page.click('[data-testid=sign-in-submit]');
  await page.waitForURL(/\/console\/fairs$/);
}

/** The tablet's exhibitors screen until it shows list version `v`. */
async function seesListVersion(p: Page, v: number): Promise<void> {
  await go(p, '/exhibitors');
  await p.waitForSelector(`[data-testid=exhibitor-list-version][data-version="${v}"]`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  organizerId = (await server.storage.createUser({ name: ORGANIZER.name, password: ORGANIZER.password, role: 'organizer' })).userId;
  const saved = await saveFair(server.storage.sql, fair, 'create', { userId: organizerId, name: ORGANIZER.name, address: '127.0.0.1' }, Date.now());
  if (typeof saved === 'string') throw new Error(`fair not saved: ${saved}`);
  browser = await launchChromium();
  consoleContext = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await consoleContext.newPage();
  page.on('pageerror', (e) => console.error('console pageerror:', e.message));
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await page.screenshot({ path: `${SHOTS}/fail-console.png` });
  await tablet?.page.screenshot({ path: `${SHOTS}/fail-tablet.png` });
});
afterAll(async () => {
  await tablet?.context.close();
  await consoleContext?.close();
  await browser?.close();
  await server?.close();
});

test('an exhibitor CSV imported and a row edited on the console reach a tablet by pull with the list version; a conflict decided there clears on the tablet', { timeout: 600_000 }, async () => {
  const caseNo = await forkOnServer(1);
  await signInConsole();

  // The import: the tablet's parser and row checks in the console; a bad row and a shared USCC said.
  await page.goto(consoleUrl(`/exhibitors?fair=${fair.id}`));
  await page.waitForSelector('[data-testid=list-version]');
  await page.setInputFiles('[data-testid=ex-import-file]', {
    name: 'exhibitors.csv', mimeType: 'text/csv',
    buffer: csvOf([
      EXHIBITOR_HEADER_EN,
      ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '福建交易团', '1.1', 'A01', '林先生', '13800138000'],
      ['福州某某科技有限公司（二部）', '', 'CN', GOOD_USCC, '福建交易团', '1.1', 'A02', '', ''],
      ['广州某某贸易有限公司', 'Guangzhou Trade', 'CN', '', '广东交易团', '1.1', 'A03', '', ''],
      ['重复展位公司', '', 'CN', '', '', '1.1', 'A01', '', ''],
    ]),
  });
  await page.waitForSelector('[data-testid=ex-preview]');
  expect(await page.textContent('[data-testid=ex-summary]')).toBe('共 4 行：3 行可导入，1 行有错误。');
  expect(await page.textContent('[data-testid=ex-uscc-warning]')).toContain('1 行的信用代码与另一行或已有参展商相同');
  expect(await page.textContent('tr[data-row="5"]')).toContain('展位 1.1/A01 在文件第 2 行已出现。');
  await page.screenshot({ path: `${SHOTS}/exhibitors-preview-zh.png`, fullPage: true });
  await page.click('[data-testid=ex-confirm]');
  await page.waitForSelector('[data-testid=ex-saved]');
  expect(await page.textContent('[data-testid=ex-saved]')).toBe('已保存 3 行，名单现为第 1 版。');
  await expect.poll(() => page.textContent('[data-testid=list-version]')).toBe('名单版本 1 · 3 家参展商');
  expect(await page.locator('[data-testid=dup-uscc]').count()).toBe(1);

  // A tablet enrols, pulls the fair, the exhibitors and the forked case.
  tablet = await newKiosk(browser);
  await tablet.page.goto(server.url);
  await waitForShell(tablet.page);
  await enrolTablet(tablet.page, server, organizerId, fair.id, 'desk');
  await syncNow(tablet.page);
  await setUpDevice(tablet.page, '审核台', 'KC', FAIR_LABEL);
  await createFirstUser(tablet.page, '赵主办', '97531');
  await seesListVersion(tablet.page, 1);
  await expect.poll(() => tablet!.page.getAttribute('[data-testid=exhibitor-count]', 'data-total')).toBe('3');
  expect(await tablet.page.textContent('[data-testid=exhibitor-list-version]')).toBe('主办方名单第 1 版');
  await go(tablet.page, '/conflicts');
  await expect.poll(() => tablet!.page.locator('[data-testid=conflict-row]').count()).toBe(1);

  // One row edited on the console: version 2, and the tablet pulls that row.
  await page.locator('tr', { hasText: '广州某某贸易有限公司' }).locator('[data-testid=ex-edit]').click();
  await page.fill('[data-testid=ex-edit-nameZh]', '广州某某国际贸易有限公司');
  await page.click('[data-testid=ex-edit-save]');
  await expect.poll(() => page.textContent('[data-testid=list-version]')).toBe('名单版本 2 · 3 家参展商');
  await syncNow(tablet.page);
  await seesListVersion(tablet.page, 2);
  await tablet.page.fill('input[name=search]', '国际贸易');
  await expect.poll(() => tablet!.page.getAttribute('[data-testid=exhibitor-found]', 'data-count')).toBe('1');

  // The review queue tells the fork in words; the organizer decides it.
  await page.goto(consoleUrl(`/review?fair=${fair.id}`));
  await page.waitForSelector('[data-testid=conflict]');
  expect(await page.getAttribute('[data-testid=conflict]', 'data-case')).toBe(caseNo);
  expect(await page.textContent('[data-testid=applied-event]')).toContain('投诉人撤回');
  expect(await page.textContent('[data-testid=set-aside-event]')).toContain('被搁置');
  expect(await page.locator('[data-testid=set-aside-item]').count()).toBe(1);
  await page.screenshot({ path: `${SHOTS}/review-zh.png`, fullPage: true });
  await page.click('[data-testid=decide]');
  expect(await page.textContent('[data-testid=conflict] .error')).toBe('请写明理由。');
  await page.fill('[data-testid=decision-reason]', '撤回在先，承认无效');
  await page.click('[data-testid=decide]');
  await page.waitForSelector('[data-testid=review-done]');
  await page.waitForSelector('[data-testid=no-conflicts]');
  await page.fill('[data-testid=ack-note]', '旧版本应用写入的数据，已通知柜台');
  await page.click('[data-testid=ack]');
  await expect.poll(() => page.textContent('[data-testid=set-aside-item]')).toContain('旧版本应用写入的数据，已通知柜台');

  // The tablet pulls the decision: no conflict left.
  await syncNow(tablet.page);
  await go(tablet.page, '/conflicts');
  await tablet.page.waitForSelector('[data-testid=conflicts-none]');
  await tablet.page.screenshot({ path: `${SHOTS}/tablet-conflicts-cleared-zh.png` });

  // The audit log has both decisions.
  const [row] = await server.storage.sql.query<{ n: unknown }>(`select count(*) as n from audit_log where action in ('conflict_decided', 'item_acknowledged', 'exhibitors_imported', 'exhibitor_edited')`);
  expect(Number(row?.n)).toBe(4);
});

test('the review and exhibitor pages have no serious or critical axe violation, in zh-CN and English', { timeout: 300_000 }, async () => {
  // Another fork, so the review page shows a case to decide as well as the items.
  await forkOnServer(2);
  const found: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    if ((await page.getAttribute('html', 'lang')) !== lang) {
      await page.click('[data-testid=lang-switch]');
      await page.waitForSelector(`html[lang=${lang}]`);
    }
    for (const [name, path, ready] of [
      ['review', `/review?fair=${fair.id}`, '[data-testid=conflict]'],
      ['exhibitors', `/exhibitors?fair=${fair.id}`, '[data-testid=ex-list]'],
    ] as const) {
      await page.goto(consoleUrl(path));
      await page.waitForSelector(ready);
      await page.waitForSelector(`html[lang=${lang}]`);
      for (const v of await axeViolations(page)) found.push(`${name} ${lang}: ${v.id} ${v.help} ${v.nodes.join(' | ')}`);
      await page.screenshot({ path: `${SHOTS}/${name}-${lang}.png`, fullPage: true });
    }
  }
  expect(found).toEqual([]);
});
