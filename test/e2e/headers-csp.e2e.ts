import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Fair } from '../../src/domain/fair';
import { startServer } from '../../src/server/server';
import { phoneLinkFragment } from '../../src/domain/wire/phone-payload';
import { launchChromium, PHONE_VIEWPORT } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, go, importFile, newKiosk, setUpDevice, waitForServiceWorker, waitForShell, xlsxOf } from './support/kiosk';
import { actAs, addUser, createFirstUser, storedRows, usccOf } from './support/desk-b';
import { fairDays, fillComplaint, makePng } from './support/desk-flow';

/**
 * In Chromium: the app runs under its Content Security Policy (no inline script)
 * with zero violations on every screen of the kiosk — the router's routes, read from app.tsx, so a
 * new screen without an entry fails — and on the phone page. Each page records every
 * `securitypolicyviolation` event from its first script on, and the console's "Refused to …"
 * lines (a worker's violations show only there). A positive control proves the recorder hears a
 * violation: an injected inline script is blocked and reported.
 */
interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
  readonly where: string;
}

/** Reported to the test from every document the page loads (an exposed function outlives navigations). */
const RECORDER = `
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspReport({ directive: e.violatedDirective, blocked: e.blockedURI, source: (e.sourceFile || '') + ':' + e.lineNumber, where: location.pathname });
  }, true);
`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let appUrl = '';
let ownServer: { close(): Promise<void> } | undefined;
const violations: Violation[] = [];
const consoleRefusals: string[] = [];
const documentPolicies: string[] = [];
let caseId = '';

async function watch(p: Page): Promise<void> {
  await p.exposeFunction('__cspReport', (v: Violation) => void violations.push(v));
  await p.addInitScript(RECORDER);
  p.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) consoleRefusals.push(m.text());
  });
  p.on('response', (r) => {
    if (r.request().resourceType() === 'document') documentPolicies.push(r.headers()['content-security-policy'] ?? '');
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  // FAIRCASE_E2E_DIST: check a build of one's own (the shared dist/ may be mid-rebuild).
  const own = process.env.FAIRCASE_E2E_DIST;
  appUrl = inject('appUrl');
  if (own !== undefined) {
    const server = await startServer({ port: 0, host: '127.0.0.1', distDir: own });
    ownServer = server;
    appUrl = server.url;
  }
  ({ context, page } = await newKiosk(browser));
  await watch(page);
  await page.goto(appUrl);
  await waitForShell(page);
  await waitForServiceWorker(page);
  await createFair(page, { code: 'CF140', nameZh: '第140届广交会', sessionNo: '140', days: fairDays(5) });
  await setUpDevice(page, '安全台', 'K09', 'CF140 · 第140届广交会');
  // An XLSX import: the spreadsheet code runs under the policy too.
  await importFile(
    page,
    'exhibitors.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    await xlsxOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]),
  );
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  await createFirstUser(page, '赵主办', '97531');
  // Complaints are filed by a desk clerk.
  await addUser(page, { name: '王文员', role: 'clerk', pin: '24680' });
  await actAs(page, { name: '王文员', pin: '24680' });
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await ownServer?.close();
});

/** The route patterns of the kiosk's router, read from its source. */
function routerPaths(): string[] {
  const source = readFileSync(resolve('src/app/app.tsx'), 'utf8');
  return [...source.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** Where each route is opened (ids filled in from what the set-up stored). */
async function screens(): Promise<Record<string, readonly string[]>> {
  const [fair] = await storedRows<{ id: string }>(page, 'fairs');
  const [exhibitor] = await storedRows<{ id: string }>(page, 'exhibitors');
  if (fair === undefined || exhibitor === undefined || caseId === '') throw new Error('set-up stored nothing');
  return {
    '/': ['/'],
    '/device': ['/device'],
    '/fairs': ['/fairs'],
    '/fairs/new': ['/fairs/new'],
    '/fairs/:id': [`/fairs/${fair.id}`],
    '/exhibitors': ['/exhibitors'],
    '/exhibitors/new': ['/exhibitors/new'],
    '/exhibitors/import': ['/exhibitors/import'],
    '/exhibitors/:id': [`/exhibitors/${exhibitor.id}`],
    '/storage': ['/storage'],
    '/complaints/new': ['/complaints/new'],
    '/cases/:id/notice/:kind': ['N1', 'N2', 'N3'].map((k) => `/cases/${caseId}/notice/${k}`),
    '/cases/:id': [`/cases/${caseId}`],
    '/sign-in': ['/sign-in'],
    '/users': ['/users'],
    '/board': ['/board'],
    '/commitments': ['/commitments'],
    '/commitments/sign/:exhibitorId?': ['/commitments/sign', `/commitments/sign/${exhibitor.id}`],
    '/commitments/print/:id': [`/commitments/print/${caseId}`],
    '/consultations': ['/consultations'],
    '/summary': ['/summary'],
    '/handoff': ['/handoff'],
    '/sync': ['/sync'],
    '/conflicts': ['/conflicts'],
    '/conflicts/:id': [`/conflicts/${caseId}`],
    '*': ['/no-such-screen'],
  };
}

test('every route of the kiosk’s router (src/app/app.tsx) runs under the policy with zero CSP violations', async () => {
  // A complaint with a photo and a drawn signature: image previews (blob:, data:) and the signature pad.
  await fillComplaint(page, {
    name: '厦门某某品牌管理有限公司',
    uscc: usccOf('91350200MA3C00000'),
    right: { type: 'trademark', number: '12345678', title: '某某', nice: '9' },
    booth: 'A01',
    item: '蓝牙耳机',
    photos: [{ name: 'booth.png', mimeType: 'image/png', buffer: makePng(64, 48, 7) }],
    verifyAll: true,
  });
  // The respondent has signed no commitment: the flags show first, a second tap saves (CM3).
  await page.click('[data-testid=save]');
  await page.waitForSelector('[data-testid=intake-flags], [data-testid=intake-saved]');
  if ((await page.locator('[data-testid=intake-saved]').count()) === 0) {
    await page.waitForSelector('[data-testid=save]:not([disabled])');
    await page.click('[data-testid=save]');
  }
  await page.waitForSelector('[data-testid=intake-saved]');
  caseId = ((await page.getAttribute('[data-testid=open-case]', 'href')) ?? '').replace('/cases/', '');
  const where = await screens();
  expect(Object.keys(where).sort(), 'a route of src/app/app.tsx without an entry here, or an entry for no route').toEqual([...routerPaths()].sort());
  for (const paths of Object.values(where)) {
    for (const path of paths) {
      await go(page, path);
      await page.waitForSelector('main', { state: 'attached' });
      // Lazy chunks, images and the QR code of the hand-off screen settle.
      await page.waitForLoadState('networkidle');
      // A window on purpose: this proves that NO violation is reported, and a report arrives
      // as an event a moment after the blocked act, with nothing on screen to wait for.
      await page.waitForTimeout(300);
    }
  }
  // Deep links loaded whole (the server's app shell for any path); the organizer's spreadsheet export.
  await actAs(page, { name: '赵主办', pin: '97531' });
  for (const path of [`/cases/${caseId}`, '/summary']) {
    await page.goto(new URL(path, appUrl).href);
    await waitForShell(page);
    await page.waitForLoadState('networkidle');
  }
  await page.waitForSelector('[data-testid=export-xlsx]');
  await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid=export-xlsx]')]);
  expect(violations).toEqual([]);
  expect(consoleRefusals).toEqual([]);
  // The documents really carried the policy: zero violations under no policy would prove nothing.
  expect(documentPolicies.length).toBeGreaterThanOrEqual(3);
  for (const policy of documentPolicies) expect(policy).toMatch(/script-src 'self'(;|$)/);
});

test('the phone page runs under the policy with zero CSP violations', async () => {
  const fair = Fair.parse({
    id: '01JC0000000000000000000140',
    code: 'CF140',
    nameZh: '第140届广交会',
    nameEn: 'Canton Fair 140',
    sessionNo: 140,
    days: [{ date: '2025-10-15', opensAt: '09:00', closesAt: '18:00' }],
  });
  const [v0, c0] = [violations.length, consoleRefusals.length];
  const phone = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', hasTouch: true });
  try {
    const p = await phone.newPage();
    await watch(p);
    await p.goto(`${appUrl}/p/#${phoneLinkFragment(fair)}`);
    await p.waitForSelector('html[data-phone=ready]');
    await p.waitForLoadState('networkidle');
    expect(violations.slice(v0)).toEqual([]);
    expect(consoleRefusals.slice(c0)).toEqual([]);
  } finally {
    await phone.close();
  }
});

test('control: an injected inline script is blocked and the recorder reports it', async () => {
  const c0 = consoleRefusals.length;
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.head.append(s);
  });
  await expect.poll(() => violations.map((v) => v.directive)).toContain('script-src-elem');
  expect(consoleRefusals.length).toBeGreaterThan(c0);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
});
