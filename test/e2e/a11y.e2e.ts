import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Case } from '../../src/domain/case/case';
import { toCaseRow, toRecord } from '../../src/store/case-rows';
import { toSummaryRow } from '../../src/store/case-summaries';
import { en } from '../support/messages';
import { startServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { CURRENT } from '../domain/report/hand-session';
import { axeViolations, type A11yViolation } from './support/a11y';
import { csvOf, EXHIBITOR_HEADER_ZH, BAD_USCC, go, newKiosk, setUpDevice, waitForSettled, waitForShell } from './support/kiosk';
import { actAs, addUser, createFirstUser, storedRows } from './support/desk-b';
import { putRawRows } from './support/raw-rows';

/**
 * axe-core on every screen of the kiosk in zh-CN and in English, at 1280×800, with
 * the lists and tables filled: no serious or critical violation. The screens are the router's
 * routes (src/app/app.tsx): a route with no entry in SCREENS fails the first test, so a new
 * screen cannot slip past. The phone pages are in a11y-phone.e2e.ts.
 *
 * The data is the summary tests' hand-made session (13 cases, their events, exhibitors,
 * commitments, consultations), written into the tablet's IndexedDB as the store keeps it (case
 * records and board rows from the store's own `toRecord`/`toCaseRow`); one case is flagged
 * CONFLICT so the conflict list has a row.
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ownServer: { close(): Promise<void> } | undefined;

const ORGANIZER = { name: '赵主办', pin: '97531' } as const;
const CLERK = { name: '王文员', role: 'clerk', pin: '24680' } as const;
const session = {
  ...CURRENT,
  // The hand session reuses one case number; the tablet's unique index needs distinct ones.
  cases: CURRENT.cases.map((c, i) => ({ ...c, caseNo: `${CURRENT.fair.code}-K07-${String(i + 1).padStart(4, '0')}-X` }) as Case),
};
const conflicted = session.cases[11];
const openCase = session.cases[12];
const commitment = session.commitments[0];
const exhibitor = session.exhibitors[0];
if (conflicted === undefined || openCase === undefined || commitment === undefined || exhibitor === undefined) throw new Error('hand session changed shape');

const putRows = (table: string, rows: readonly unknown[]): Promise<void> => putRawRows(page, table, rows);

async function seed(): Promise<void> {
  const fair = session.fair;
  await putRows('fairs', [fair]);
  await putRows('cases', session.cases.map(toRecord));
  await putRows('caseSummaries', session.cases.map(toSummaryRow));
  await putRows(
    'caseRows',
    session.cases.map((c) => {
      const row = toCaseRow(c);
      return c.id === conflicted?.id ? { ...row, flags: [...row.flags, 'CONFLICT'] } : row;
    }),
  );
  await putRows(
    'items',
    session.events.map((e, i) => ({ id: e.id, fairId: fair.id, deviceId: e.deviceId, seq: 1_000_000 + i, hlc: e.hlc, at: e.at, kind: 'case_event', entityId: e.caseId, payload: e })),
  );
  await putRows('exhibitors', session.exhibitors.map((e) => ({ ...e, boothKeys: [], search: [] })));
  await putRows('commitments', session.commitments);
  await putRows('consultations', session.consultations);
}

interface Screen {
  /** The route pattern exactly as app.tsx spells it. */
  readonly route: string;
  /** A name for the report (one route may be checked in several states). */
  readonly name: string;
  readonly path: string;
  /** What shows the screen is drawn with its data. */
  readonly ready: string;
  /** Brings the screen into the state to check (errors shown, a form open). */
  readonly then?: () => Promise<void>;
}

const SCREENS: readonly Screen[] = [
  { route: '/', name: 'home', path: '/', ready: '[data-testid=home-fair]' },
  { route: '/device', name: 'device setup', path: '/device', ready: '[data-testid=device-form]' },
  { route: '/fairs', name: 'fair list', path: '/fairs', ready: '[data-testid=fair-card]' },
  { route: '/fairs/new', name: 'fair setup (new)', path: '/fairs/new', ready: '[data-testid=fair-form]' },
  {
    route: '/fairs/new',
    name: 'fair setup with errors',
    path: '/fairs/new',
    ready: '[data-testid=fair-form]',
    then: async () => {
      await page.click('[data-testid=save]');
      await page.waitForSelector('[data-testid=form-error], .field.invalid');
    },
  },
  { route: '/fairs/:id', name: 'fair setup (edit)', path: `/fairs/${session.fair.id}`, ready: '[data-testid=fair-form] input[name=code]' },
  { route: '/exhibitors', name: 'exhibitors', path: '/exhibitors', ready: '[data-testid=exhibitor-list] tr' },
  { route: '/exhibitors/new', name: 'exhibitor (new)', path: '/exhibitors/new', ready: '[data-testid=exhibitor-form]' },
  {
    route: '/exhibitors/new',
    name: 'exhibitor with errors',
    path: '/exhibitors/new',
    ready: '[data-testid=exhibitor-form]',
    then: async () => {
      await page.click('[data-testid=save]');
      await page.waitForSelector('.field.invalid, [data-testid=form-error]');
    },
  },
  { route: '/exhibitors/:id', name: 'exhibitor (edit)', path: `/exhibitors/${exhibitor.id}`, ready: '[data-testid=exhibitor-form]' },
  { route: '/exhibitors/import', name: 'exhibitor import', path: '/exhibitors/import', ready: '[data-testid=import-file]' },
  {
    route: '/exhibitors/import',
    name: 'exhibitor import preview',
    path: '/exhibitors/import',
    ready: '[data-testid=import-file]',
    then: async () => {
      const csv = csvOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', '91350100M000100Y43', '', '1.1', 'A01', '', ''], ['坏代码公司', '', 'CN', BAD_USCC, '', '1.1', 'A04', '', '']]);
      await page.setInputFiles('[data-testid=import-file]', { name: 'list.csv', mimeType: 'text/csv', buffer: csv });
      await page.waitForSelector('[data-testid=import-preview]');
    },
  },
  { route: '/storage', name: 'storage', path: '/storage', ready: '[data-testid=storage-facts]' },
  { route: '/complaints/new', name: 'intake form', path: '/complaints/new', ready: '[data-testid=complaint-form]' },
  {
    route: '/complaints/new',
    name: 'intake form with errors',
    path: '/complaints/new',
    ready: '[data-testid=complaint-form]',
    then: async () => {
      await page.fill('input[name="complainant.uscc"]', BAD_USCC);
      await page.click('[data-testid=save]');
      await page.waitForSelector('.field.invalid');
    },
  },
  { route: '/cases/:id', name: 'case detail', path: `/cases/${openCase.id}`, ready: '[data-testid=timeline]' },
  {
    route: '/cases/:id',
    name: 'case detail, action form open',
    path: `/cases/${openCase.id}`,
    ready: '[data-testid=actions] [data-allowed=true]',
    then: async () => {
      await page.click('[data-testid=actions] [data-allowed=true] >> nth=0');
      await page.waitForSelector('[data-testid=apply]');
    },
  },
  { route: '/cases/:id/notice/:kind', name: 'notice N1', path: `/cases/${openCase.id}/notice/N1`, ready: '[data-testid=notice-N1][data-ready=true]' },
  { route: '/cases/:id/notice/:kind', name: 'notice N2', path: `/cases/${session.cases[0]?.id ?? ''}/notice/N2`, ready: '[data-testid=notice-N2][data-ready=true]' },
  { route: '/cases/:id/notice/:kind', name: 'notice N3', path: `/cases/${session.cases[0]?.id ?? ''}/notice/N3`, ready: '[data-testid=notice-N3][data-ready=true]' },
  { route: '/sign-in', name: 'sign-in (signed in)', path: '/sign-in', ready: '[data-testid=signed-in]' },
  { route: '/users', name: 'users', path: '/users', ready: '[data-testid=user-row]' },
  { route: '/board', name: 'board', path: '/board', ready: '[data-testid=board-row]' },
  { route: '/commitments', name: 'commitment coverage', path: '/commitments', ready: '[data-testid=coverage-row]' },
  { route: '/commitments/sign/:exhibitorId?', name: 'commitment: pick exhibitor', path: '/commitments/sign', ready: '[data-testid=exhibitor-pick]' },
  { route: '/commitments/sign/:exhibitorId?', name: 'commitment form', path: `/commitments/sign/${session.exhibitors[4]?.id ?? ''}`, ready: '[data-testid=commitment-form], [data-testid=commitment-signed]' },
  { route: '/commitments/print/:id', name: 'commitment copy', path: `/commitments/print/${commitment.id}`, ready: '[data-testid=commitment-copy]' },
  { route: '/consultations', name: 'consultations', path: '/consultations', ready: '[data-testid=today-counts]' },
  { route: '/summary', name: 'summary dashboard', path: '/summary', ready: '[data-testid=summary-figures]' },
  { route: '/handoff', name: 'phone hand-off', path: '/handoff', ready: '[data-testid=phone-link-qr]' },
  { route: '/sync', name: 'sync', path: '/sync', ready: '[data-testid=enrol-form], [data-testid=sync-enrolled]' },
  { route: '/conflicts', name: 'conflicts', path: '/conflicts', ready: '[data-testid=conflict-row]' },
  { route: '/conflicts/:id', name: 'conflict review', path: `/conflicts/${conflicted.id}`, ready: '[data-testid=conflict-status]' },
  { route: '*', name: 'unknown path', path: '/no-such-screen', ready: 'main h1' },
];

/** The route patterns of the kiosk's router, read from its source. */
function routerPaths(): string[] {
  const source = readFileSync(resolve('src/app/app.tsx'), 'utf8');
  return [...source.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1] ?? '');
}

beforeAll(async () => {
  browser = await launchChromium();
  // FAIRCASE_E2E_DIST: check a build of one's own (the shared dist/ may be mid-rebuild).
  const own = process.env.FAIRCASE_E2E_DIST;
  let appUrl = inject('appUrl');
  if (own !== undefined) {
    const server = await startServer({ port: 0, host: '127.0.0.1', distDir: own });
    ownServer = server;
    appUrl = server.url;
  }
  ({ context, page } = await newKiosk(browser));
  await page.goto(appUrl);
  await waitForShell(page);
  await seed();
  // Raw IndexedDB writes are not seen by the app's live queries: start again over them.
  await page.reload();
  await waitForShell(page);
  await setUpDevice(page, '无障碍台', 'K07', `${session.fair.code} · ${session.fair.nameZh}`);
  await createFirstUser(page, ORGANIZER.name, ORGANIZER.pin);
  await addUser(page, CLERK);
  await actAs(page, { name: ORGANIZER.name, pin: ORGANIZER.pin });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await ownServer?.close();
});

test('every route of the router has an entry here', () => {
  const covered = new Set(SCREENS.map((s) => s.route));
  const missing = routerPaths().filter((p) => !covered.has(p));
  expect(routerPaths().length).toBeGreaterThan(20);
  expect(missing, 'routes in src/app/app.tsx with no accessibility check').toEqual([]);
});

/** Each violation once (rule and node), with the screens it was found on. */
type Found = Map<string, string[]>;
function note(found: Found, where: string, violations: readonly A11yViolation[]): void {
  for (const v of violations) {
    for (const node of v.nodes) {
      const key = `[${v.impact}] ${v.id} (${v.help}) at ${node}`;
      found.set(key, [...(found.get(key) ?? []), where]);
    }
  }
}

async function checkAll(lang: string, found: Found): Promise<void> {
  for (const s of SCREENS) {
    await go(page, s.path);
    await page.waitForSelector(s.ready, { state: 'attached', timeout: 15_000 });
    await s.then?.();
    await waitForSettled(page);
    note(found, `${lang} ${s.name}`, await axeViolations(page));
  }
  // The sign-in screen signed out (user tiles) and with the PIN pad open.
  await go(page, '/sign-in');
  await page.click('[data-testid=signed-in] [data-testid=sign-out]');
  await page.waitForSelector('[data-testid=user-tile]');
  note(found, `${lang} sign-in (tiles)`, await axeViolations(page));
  await page.click(`[data-testid=user-tile][data-name="${ORGANIZER.name}"]`);
  await page.waitForSelector('[data-testid=pin-pad]');
  note(found, `${lang} sign-in (PIN)`, await axeViolations(page));
  await actAs(page, ORGANIZER);
}

test('axe-core: no serious or critical violation on any screen of the router’s routes (each has an entry, above), in zh-CN and in English', async () => {
  // The data is there: the lists checked below are not empty.
  expect((await storedRows(page, 'caseRows')).length).toBe(session.cases.length);
  const found: Found = new Map();
  await checkAll('zh-CN', found);
  await page.click('[data-testid=language-switch]');
  await expect.poll(() => page.textContent('[data-testid=language-switch]')).toBe(en['status.language']);
  await checkAll('en', found);
  const report = [...found].map(([violation, screens]) => `${violation} — on ${screens.length} screen(s): ${screens.slice(0, 6).join(', ')}`);
  expect(report).toEqual([]);
}, 600_000);
