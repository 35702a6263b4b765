import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';

/**
 * The console's people and account actions in Chromium against a real server on PGlite: an
 * organizer makes an organizer and an administration viewer scoped to provinces; disabling one
 * refuses its sign-in and ends its live session in another browser; a reset password refuses the
 * old one and takes the new; one's own password is changed; signing out everywhere ends the
 * session of another browser, whose half-typed form survives the way through sign-in.
 */
const SHOTS = '/tmp/shots-console';
const LAPTOP = { width: 1440, height: 900 } as const;
const BOSS = { name: 'organizer-people', password: 'correct horse battery' } as const;
const WRONG = '用户名或密码错误。';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const consoleUrl = (path: string): string => `${server.url}/console${path}`;

/** A new browser (its own cookies) on one console page. */
async function newConsole(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('console pageerror:', e.message));
  await page.goto(consoleUrl(path));
  return page;
}

async function signIn(p: Page, name: string, password: string): Promise<void> {
  await p.waitForSelector('[data-testid=sign-in-form]');
  await p.fill('input[name=name]', name);
  await p.fill('input[name=password]', password);
  await p.click('[data-testid=sign-in-submit]');
}

/** Signs in and waits for the console's first screen (or the `next` it came from). */
async function signedIn(p: Page, name: string, password: string): Promise<void> {
  await signIn(p, name, password);
  await p.waitForSelector('[data-testid=sign-out]');
}

/** Signs in with a password the server refuses: the page says so in words. */
async function refused(p: Page, name: string, password: string): Promise<void> {
  await signIn(p, name, password);
  await expect.poll(() => p.textContent('[data-testid=sign-in-error]')).toBe(WRONG);
}

/** A page whose session has ended: its next request leads to the sign-in page. */
async function sessionEnds(p: Page): Promise<void> {
  await p.click('.c-nav a[href$="/audit"]');
  await p.waitForSelector('[data-testid=sign-in-form]');
  expect(new URL(p.url()).pathname).toBe('/console/sign-in');
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  await server.storage.createUser({ name: BOSS.name, password: BOSS.password, role: 'organizer' });
  browser = await launchChromium();
}, 180_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [i, c] of contexts.entries()) await c.pages()[0]?.screenshot({ path: `${SHOTS}/fail-people-${i}.png` });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

test('people: accounts made, disabled, reset; one\'s own password changed; signing out everywhere ends another browser\'s session, its typing kept', { timeout: 600_000 }, async () => {
  const boss = await newConsole('/people');
  await signedIn(boss, BOSS.name, BOSS.password);
  await boss.waitForSelector('[data-testid=people-table]');

  // An organizer.
  await boss.fill('[data-testid=person-form] input[name=name]', 'org-two');
  await boss.fill('[data-testid=person-form] input[name=password]', 'second organizer pw');
  await boss.click('[data-testid=person-create]');
  await boss.waitForSelector('[data-testid=person-org-two]');
  expect(await boss.textContent('[data-testid=people-done]')).toBe('已创建账户 org-two。');

  // An administration viewer of two provinces; a code that is no province is refused first, in words.
  await boss.fill('[data-testid=person-form] input[name=name]', 'viewer-south');
  await boss.fill('[data-testid=person-form] input[name=password]', 'viewer first pw');
  await boss.selectOption('select[name=role]', 'admin_viewer');
  await boss.selectOption('select[name=scopeKind]', 'regions');
  await boss.fill('input[name=regions]', '4400');
  await boss.click('[data-testid=person-create]');
  await expect.poll(() => boss.textContent('.field.invalid:has(input[name=regions]) .error')).toBe('省级行政区划代码为 6 位，以 0000 结尾（如 440000）。');
  await boss.fill('input[name=regions]', '440000, 350000');
  await boss.click('[data-testid=person-create]');
  await boss.waitForSelector('[data-testid=person-viewer-south]');
  const viewerRow = boss.locator('[data-testid=person-viewer-south] td');
  expect([await viewerRow.nth(1).textContent(), await viewerRow.nth(2).textContent()]).toEqual(['管理查看者', '省份：440000, 350000']);
  await boss.screenshot({ path: `${SHOTS}/people-zh.png`, fullPage: true });

  // Disabled: the live session in another browser ends, and signing in is refused like a wrong password.
  const two = await newConsole('/fairs');
  await signedIn(two, 'org-two', 'second organizer pw');
  await boss.locator('[data-testid=person-org-two] button', { hasText: '停用' }).click();
  await expect.poll(() => boss.textContent('[data-testid=person-org-two] td:nth-child(6)')).toMatch(/^已停用（/);
  await sessionEnds(two);
  await refused(two, 'org-two', 'second organizer pw');

  // A reset password: the viewer's session ends; the old password is refused, the new one signs in.
  const viewer = await newConsole('/fairs');
  await signedIn(viewer, 'viewer-south', 'viewer first pw');
  await boss.click('button[aria-label="重置密码：viewer-south"]');
  await boss.waitForSelector('dialog[open]');
  await boss.fill('dialog input[name=newPassword]', 'viewer second pw');
  await boss.click('dialog button[type=submit]');
  await expect.poll(() => boss.textContent('[data-testid=people-done]')).toBe('已为 viewer-south 设置新密码，其 1 个会话已退出。');
  await sessionEnds(viewer);
  await refused(viewer, 'viewer-south', 'viewer first pw');
  await signedIn(viewer, 'viewer-south', 'viewer second pw');

  // One's own password: a second session of the same account ends, this one stays.
  const again = await newConsole('/fairs');
  await signedIn(again, BOSS.name, BOSS.password);
  await boss.click('[data-testid=account-link]');
  await boss.waitForSelector('[data-testid=password-form]');
  await boss.fill('input[name=currentPassword]', BOSS.password);
  await boss.fill('input[name=newPassword]', 'a brand new password');
  await boss.fill('input[name=repeatPassword]', 'a brand new password');
  await boss.click('[data-testid=password-form] button[type=submit]');
  await boss.waitForSelector('[data-testid=password-changed]');
  await sessionEnds(again);
  await refused(again, BOSS.name, BOSS.password);
  await signedIn(again, BOSS.name, 'a brand new password');

  // The first browser starts a new account, half typed; the second signs out everywhere.
  await boss.click('.c-nav a[href$="/people"]');
  await boss.waitForSelector('[data-testid=person-form]');
  await boss.fill('[data-testid=person-form] input[name=name]', 'half-typed');
  await again.click('[data-testid=account-link]');
  await again.click('[data-testid=sign-out-everywhere]');
  await again.waitForSelector('[data-testid=sign-in-form]');
  // The first one's next request is refused: to sign in and back, the name as typed.
  await boss.fill('[data-testid=person-form] input[name=password]', 'half typed password');
  await boss.click('[data-testid=person-create]');
  await boss.waitForSelector('[data-testid=sign-in-form]');
  expect(new URL(boss.url()).searchParams.get('next')).toBe('/people');
  await signedIn(boss, BOSS.name, 'a brand new password');
  await boss.waitForSelector('[data-testid=person-form]');
  expect(new URL(boss.url()).pathname).toBe('/console/people');
  expect(await boss.inputValue('[data-testid=person-form] input[name=name]')).toBe('half-typed');
  // The password is never kept, so it is typed again.
  expect(await boss.inputValue('[data-testid=person-form] input[name=password]')).toBe('');
  expect(await boss.locator('[data-testid=person-half-typed]').count()).toBe(0);
});
