import { LATEST_VERSION } from '../../src/store/db';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { en, zh } from '../support/messages';
import { startServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { EXHIBITOR_HEADER_ZH, GOOD_USCC, createFair, csvOf, go, importFile, newKiosk, setUpDevice, storedCount, typeInto, waitForShell } from './support/kiosk';
import { actAs, addUser, createFirstUser, drawSignature, storedRows } from './support/desk-b';
import { shanghaiDay } from './support/desk-flow';

/**
 * In Debian's Chromium: storage faults during real work, each with a clear message in
 * the user's language and nothing lost. What quota.e2e.ts (a full disk on a fair edit) and
 * update.e2e.ts (a new build with an open draft) already prove is not repeated here:
 * - a quota error in the MIDDLE of a complaint's save (its outbox row refused after the case,
 *   board row, items and signature were written): nothing of it lands, the form and its draft
 *   stay, and a retry once space is back files exactly one case;
 * - an upgrade blocked by a window still holding the old database version: every screen says to
 *   close it, and once it is closed the old window's data and draft are all there;
 * - another window upgrading the database under an open form: a banner and a save that say
 *   reload, the typed input back after the reload, and the save then lands;
 * - the IndexedDB connection closed under the app: the next save reopens it and lands once.
 */
let browser: Browser;
let appUrl = '';
let ownServer: { close(): Promise<void> } | undefined;

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
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await ownServer?.close();
});

/**
 * Init script: while `window.__failStore` names an object store, every write to it throws a real
 * `QuotaExceededError` DOMException — the disk filling up part-way through a transaction.
 */
const FAIL_STORE = `
  (() => {
    for (const method of ['put', 'add']) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (...args) {
        if (window.__failStore === this.name) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  })();
`;
const failStore = (page: Page, name: string | undefined): Promise<void> =>
  page.evaluate((n) => void ((window as unknown as { __failStore?: string }).__failStore = n), name);

/** Init script: every IndexedDB connection the page opens, so a test can close it under the app. */
const TRACK_CONNECTIONS = `
  (() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const request = open.apply(this, args);
      request.addEventListener('success', () => (window.__connections ??= []).push(request.result));
      return request;
    };
  })();
`;

const CLERK = { name: '孙文员', role: 'clerk', pin: '24680' } as const;
const COUNTED = ['cases', 'caseRows', 'items', 'outbox', 'evidence', 'blobs'] as const;
type Counts = Record<(typeof COUNTED)[number], number>;
async function counts(page: Page): Promise<Counts> {
  const out = {} as Counts;
  for (const t of COUNTED) out[t] = await storedCount(page, t);
  return out;
}

/** The version IndexedDB reports for the app's database (Dexie stores version × 10). */
const dbVersion = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const r = indexedDB.open('faircase');
        r.onsuccess = () => {
          resolve(r.result.version);
          r.result.close();
        };
        r.onerror = () => reject(r.error);
      }),
  );

async function kioskWithFair(context: BrowserContext, page: Page, code: string): Promise<void> {
  await page.goto(appUrl);
  await waitForShell(page);
  // Yesterday to tomorrow: the fair is in session whatever the hour the test runs at (with today
  // alone it closed at 17:00 Shanghai time, and after that only post-show actions are allowed).
  await createFair(page, { code, nameZh: `${code} 故障测试展`, sessionNo: '1', days: [-1, 0, 1].map(shanghaiDay) });
  await setUpDevice(page, '故障台', 'F1', `${code} · ${code} 故障测试展`);
  void context;
}

test('quota exceeded part-way through a complaint save: nothing of it lands, the form and its draft stay, a retry files it exactly once', async () => {
  const { context, page } = await newKiosk(browser);
  await context.addInitScript(FAIL_STORE);
  try {
    await kioskWithFair(context, page, 'QA01');
    await importFile(page, 'e.csv', 'text/csv', csvOf([EXHIBITOR_HEADER_ZH, ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '', '1.1', 'A01', '', '']]));
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-done]');
    await createFirstUser(page, '钱主办', '97531');
    // Complaints are filed by the desk's clerk (the organizer's Submit is refused: CS guard).
    await addUser(page, CLERK);
    await actAs(page, CLERK);
    const fair = (await storedRows<{ id: string; code: string }>(page, 'fairs')).find((f) => f.code === 'QA01');
    const draftKey = `complaint:${fair?.id ?? ''}:new`;

    await go(page, '/complaints/new');
    await page.waitForSelector('[data-testid=complaint-form]');
    await typeInto(page, 'input[name="complainant.name"]', '某某商标持有人');
    await page.fill('input[name="complainant.uscc"]', GOOD_USCC);
    await page.fill('input[name="complainant.phone"]', '13800138000');
    await page.selectOption('select[name="rights.0.type"]', 'trademark');
    await page.fill('input[name="rights.0.number"]', '12345678');
    await page.fill('input[name="rights.0.title"]', 'FAIRBRAND');
    await page.fill('input[name="rights.0.holder"]', '某某商标持有人');
    await page.fill('input[name="rights.0.niceClasses"]', '9');
    await page.fill('input[name=respondentSearch]', 'A01');
    await page.click('[data-testid=pick-exhibitor] >> nth=0');
    await page.waitForSelector('[data-testid=respondent-0]');
    await page.fill('input[name="accusedItems.0.description"]', '蓝牙耳机');
    await drawSignature(page, 'sig-signature');
    // The draft reaches IndexedDB (the debounce) before the disk fills.
    await expect.poll(async () => (await storedRows<{ key: string }>(page, 'drafts')).some((d) => d.key === draftKey)).toBe(true);
    const before = await counts(page);

    // The disk fills during the complaint's transaction: its board row is refused after the case
    // and its log item were written (the signature went before, in its own transaction).
    await failStore(page, 'caseRows');
    const save = async (): Promise<void> => {
      await page.click('[data-testid=save]');
      await page.waitForSelector('[data-testid=intake-flags], [data-testid=intake-saved], [data-testid=form-error], [data-testid=save-failure]');
      // RP flags are shown before saving; a second tap confirms (desk-a-flow.e2e.ts).
      if ((await page.locator('[data-testid=intake-flags]').count()) > 0 && (await page.locator('[data-testid=save-failure]').count()) === 0) {
        await page.click('[data-testid=save]');
      }
    };
    await save();
    await expect.poll(() => page.textContent('[data-testid=save-failure]')).toContain(zh['storageError.quota-exceeded']);
    await page.click('[data-testid=language-switch]');
    await expect.poll(() => page.textContent('[data-testid=save-failure]')).toContain(en['storageError.quota-exceeded']);
    // Nothing of the complaint landed: no case, no board row, no log item but the signature's.
    const failed = await counts(page);
    expect({ cases: failed.cases, caseRows: failed.caseRows }).toEqual({ cases: before.cases, caseRows: before.caseRows });
    expect(failed.items - before.items).toBe(failed.evidence - before.evidence);
    expect(failed.outbox - before.outbox).toBe(failed.evidence - before.evidence);
    // What was typed is still on screen and in the stored draft.
    expect(await page.inputValue('input[name="complainant.name"]')).toBe('某某商标持有人');
    expect(await page.inputValue('input[name="accusedItems.0.description"]')).toBe('蓝牙耳机');
    const draft = (await storedRows<{ key: string; data: { complainant?: { name?: string } } }>(page, 'drafts')).find((d) => d.key === draftKey);
    expect(draft?.data.complainant?.name).toBe('某某商标持有人');

    // Space again (sync freed it): the same tap files the complaint, once.
    await failStore(page, undefined);
    await page.click('[data-testid=save-failure] button');
    // The flags were shown and confirmed before the disk filled and stay confirmed, so one tap
    // files it (save() would see the flags still on screen and tap a second time mid-save).
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=intake-saved]');
    const after = await counts(page);
    expect(after.cases - before.cases).toBe(1);
    expect(after.caseRows - before.caseRows).toBe(1);
    // One log item for the filing besides the signatures' (each tap stores its signature first).
    expect(after.items - before.items - (after.evidence - before.evidence)).toBe(1);
    expect(after.outbox - before.outbox).toBe(after.items - before.items);
    // The filed complaint's draft is gone.
    await expect.poll(async () => (await storedRows<{ key: string }>(page, 'drafts')).some((d) => d.key === draftKey)).toBe(false);
  } finally {
    await context.close();
  }
});

/**
 * The old window: a tab of a previous build that opened the database at schema version 1 (Dexie
 * stores version × 10), wrote a draft, and neither closes nor yields when asked to (an old build,
 * or a tab frozen in the background). Same stores and indexes as SCHEMA_VERSIONS[0] in db.ts.
 */
async function holdVersionOne(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('faircase', 10);
        req.onupgradeneeded = () => {
          const db = req.result;
          db.createObjectStore('device', { keyPath: 'key' });
          db.createObjectStore('fairs', { keyPath: 'id' }).createIndex('code', 'code');
          const ex = db.createObjectStore('exhibitors', { keyPath: 'id' });
          ex.createIndex('fairId', 'fairId');
          ex.createIndex('boothKeys', 'boothKeys', { multiEntry: true });
          ex.createIndex('search', 'search', { multiEntry: true });
          const dr = db.createObjectStore('drafts', { keyPath: 'key' });
          dr.createIndex('form', 'form');
          dr.createIndex('updatedAt', 'updatedAt');
          const it = db.createObjectStore('items', { keyPath: 'id' });
          it.createIndex('seq', 'seq', { unique: true });
          it.createIndex('hlc', 'hlc');
          it.createIndex('entityId', 'entityId');
          it.createIndex('[fairId+seq]', ['fairId', 'seq']);
          const ob = db.createObjectStore('outbox', { keyPath: 'id' });
          ob.createIndex('seq', 'seq', { unique: true });
          ob.createIndex('at', 'at');
          db.createObjectStore('meta', { keyPath: 'key' });
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          (window as unknown as { __old: IDBDatabase }).__old = db;
          // Asked to let the upgrade through: does nothing.
          db.onversionchange = () => undefined;
          const tx = db.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put({ key: 'fair:new', form: 'fair-setup', data: { code: 'OLD1', nameZh: '旧窗口里的草稿' }, updatedAt: new Date().toISOString(), public: false });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('an upgrade blocked by a window on the old version: home and the new-fair screen say to close it, in both languages; once closed, the old window\u2019s draft is there', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const old = await context.newPage();
    // Any page of the origin: the old window only needs the origin's IndexedDB.
    await old.goto(`${appUrl}/icon.svg`);
    await holdVersionOne(old);

    const page = await context.newPage();
    await page.goto(appUrl);
    await waitForShell(page);
    await expect.poll(() => page.textContent('[data-testid=db-upgrade-blocked]'), { timeout: 20_000 }).toBe(zh['storageError.upgrade-blocked']);
    await go(page, '/fairs/new');
    await expect.poll(() => page.textContent('[data-testid=db-upgrade-blocked]')).toBe(zh['storageError.upgrade-blocked']);
    await page.click('[data-testid=language-switch]');
    await expect.poll(() => page.textContent('[data-testid=db-upgrade-blocked]')).toBe(en['storageError.upgrade-blocked']);

    // The user closes the old window: the upgrade goes on, the banner goes, nothing is lost.
    await old.close();
    await page.waitForSelector('[data-testid=db-upgrade-blocked]', { state: 'detached', timeout: 20_000 });
    await page.waitForSelector('[data-testid=fair-form]');
    await expect.poll(() => page.inputValue('input[name=nameZh]')).toBe('旧窗口里的草稿');
    expect(await page.inputValue('input[name=code]')).toBe('OLD1');
    // Dexie stores version N as IndexedDB version 10·N.
    expect(await dbVersion(page)).toBe(LATEST_VERSION * 10);
  } finally {
    await context.close();
  }
});

test('another window upgrades the database under an open form: a banner and the save say reload; after the reload the input is back and saves', async () => {
  const { context, page } = await newKiosk(browser);
  try {
    await kioskWithFair(context, page, 'QA02');
    const fairsBefore = await storedCount(page, 'fairs');
    await go(page, '/fairs/new');
    await page.waitForSelector('[data-testid=fair-form]');
    await typeInto(page, 'input[name=code]', 'QA03');
    await typeInto(page, 'input[name=nameZh]', '升级时填写的展会');

    // A second window of a newer build upgrades the schema (one version past the app's).
    const other = await context.newPage();
    await other.goto(`${appUrl}/icon.svg`);
    const from = await dbVersion(other);
    await other.evaluate(
      (v) =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('faircase', v + 10);
          r.onsuccess = () => {
            r.result.close();
            resolve();
          };
          r.onblocked = () => reject(new Error('blocked: the app did not let the upgrade through'));
          r.onerror = () => reject(r.error);
        }),
      from,
    );
    await other.close();
    await expect.poll(() => page.textContent('[data-testid=db-outdated]')).toBe(zh['storageError.version-conflict']);

    // Typing on and saving: refused with the same words, nothing half-written, the input kept.
    await typeInto(page, 'input[name=sessionNo]', '3');
    await page.fill('input[name="days.0.date"]', shanghaiDay(0));
    await page.click('[data-testid=save]');
    await expect.poll(() => page.textContent('[data-testid=form-error]')).toBe(zh['storageError.version-conflict']);
    await page.click('[data-testid=language-switch]');
    await expect.poll(() => page.textContent('[data-testid=db-outdated]')).toBe(en['storageError.version-conflict']);
    expect(await page.inputValue('input[name=nameZh]')).toBe('升级时填写的展会');

    await page.reload();
    await waitForShell(page);
    await go(page, '/fairs/new');
    await page.waitForSelector('[data-testid=fair-form]');
    expect(await page.inputValue('input[name=code]')).toBe('QA03');
    expect(await page.inputValue('input[name=nameZh]')).toBe('升级时填写的展会');
    expect(await page.inputValue('input[name=sessionNo]')).toBe('3');
    expect(await page.locator('[data-testid=db-outdated]').count()).toBe(0);
    await page.fill('input[name="days.0.date"]', shanghaiDay(0));
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=fair-list]');
    expect(await storedCount(page, 'fairs')).toBe(fairsBefore + 1);
  } finally {
    await context.close();
  }
});

test('the IndexedDB connection closed under the app: the next save reopens it and lands exactly once', async () => {
  const { context, page } = await newKiosk(browser);
  await context.addInitScript(TRACK_CONNECTIONS);
  try {
    await kioskWithFair(context, page, 'QA04');
    const before = { fairs: await storedCount(page, 'fairs'), items: await storedCount(page, 'items') };
    await go(page, '/fairs/new');
    await page.waitForSelector('[data-testid=fair-form]');
    await typeInto(page, 'input[name=code]', 'QA05');
    // Every connection the page holds is closed under Dexie (what a browser does on a storage reset).
    const closed = await page.evaluate(() => {
      const all = (window as unknown as { __connections?: IDBDatabase[] }).__connections ?? [];
      for (const c of all) c.close();
      return all.length;
    });
    expect(closed).toBeGreaterThan(0);
    // The draft writes of the next keystrokes and the save itself go through the reopened connection.
    await typeInto(page, 'input[name=nameZh]', '断开后保存的展会');
    await page.fill('input[name=sessionNo]', '5');
    await page.fill('input[name="days.0.date"]', shanghaiDay(0));
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=fair-list]');
    expect(await page.locator('[data-testid=save-failure], [data-testid=form-error]').count()).toBe(0);
    expect(await storedCount(page, 'fairs')).toBe(before.fairs + 1);
    // One fair item, not two: the reopen retried nothing that had landed.
    expect(await storedCount(page, 'items')).toBe(before.items + 1);
    const names = (await storedRows<{ nameZh: string }>(page, 'fairs')).map((f) => f.nameZh);
    expect(names.filter((n) => n === '断开后保存的展会')).toHaveLength(1);
  } finally {
    await context.close();
  }
});
