import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Case } from '../../src/domain/case/case';
import { postShowSummary } from '../../src/domain/report/post-show-summary';
import type { SessionData } from '../../src/domain/report/session-data';
import { summaryRows } from '../../src/domain/report/summary-rows';
import '../../src/app/i18n/desk-messages';
import { figureRows } from '../../src/app/ui/report/report-model';
import { startServer, type RunningServer } from '../../src/server/server';
import { launchChromium } from '../support/browser';
import { CURRENT, PREVIOUS } from '../domain/report/hand-session';
import { go, newKiosk, setUpDevice, waitForShell } from './support/kiosk';
import { createFirstUser, storedRows } from './support/desk-b';
import { clearRawTable, putRawRows } from './support/raw-rows';
import { toSummaryRow } from '../../src/store/case-summaries';

/**
 * The post-show summary (R1–R19, PS5) in Debian's Chromium: the summary screen over a hand-made session (the domain tests'
 * `hand-session`, written into the tablet's IndexedDB with the previous session), the XLSX read
 * back with exceljs cell by cell in both languages (a formula-looking name stays text; a
 * provisional export says so on every sheet), the CSV, and the printed A4 report's PDF text
 * (pdftotext) holding the report in words in the chosen language, no figure id, rule code or
 * English word in the Chinese one, at most four A4 pages for one case. Screenshots at 1280×800
 * (screen and printed pages) go to /tmp/shots-report/.
 *
 * The completeness gate (PS2) against a real server of this test's own: the tablet is
 * enrolled on the sync screen; a second tablet enrolled for the fair that never syncs keeps every
 * export provisional until the organizer revokes it; the server out of reach is said so.
 */
const SHOTS = '/tmp/shots-report';
const EVIL = '=HYPERLINK("http://evil.example","x")';

let browser: Browser;
let server: RunningServer;
let organizerId = '';
let context: BrowserContext;
let page: Page;

/** The tablet holds no outreach or duty roster (R18, R19 come from typed values): the same here. */
function onTablet(data: SessionData, evilKey: string | undefined, base: number): SessionData {
  const cases = data.cases.map((c, i) => ({
    ...c,
    // The hand session reuses one case number; the tablet's unique index needs distinct ones.
    caseNo: `${data.fair.code}-K07-${String(base + i).padStart(4, '0')}-X`,
    respondent: c.respondent.exhibitorKey === evilKey ? { ...c.respondent, name: EVIL } : c.respondent,
  })) as Case[];
  return { ...data, cases, outreach: [], expertsOnDuty: [], priorCases: [] };
}

const EVIL_KEY = postShowSummary({ ...CURRENT, previousSession: PREVIOUS }).repeatInfringers[0]?.exhibitorKey;
const CUR = onTablet(CURRENT, EVIL_KEY, 1);
const PREV = onTablet(PREVIOUS, EVIL_KEY, 500);
const EXPECTED = postShowSummary({ ...CUR, priorCases: PREV.cases, previousSession: PREV });

/** Another tablet enrolled for the fair that never sends anything: it may hold unsynced data. */
async function enrolSilentTablet(code: string): Promise<string> {
  const enrolment = await server.storage.createEnrolment(organizerId, { fairId: CUR.fair.id, role: 'desk', ttlMinutes: 10 }, Date.now());
  return (await server.storage.redeemEnrolment({ code: enrolment.code, deviceName: `静默平板 ${code}`, deviceCode: code })).deviceId;
}

/** Raw IndexedDB writes are not seen by Dexie's liveQuery in this tab: reload and reopen the summary. */
async function reopen(): Promise<void> {
  await page.reload();
  await waitForShell(page);
  await go(page, '/summary');
  await page.waitForSelector('[data-testid=summary-figures]');
}

const putRows = putRawRows;
const clearTable = clearRawTable;

async function seed(p: Page, data: SessionData, seqBase: number): Promise<void> {
  await putRows(p, 'fairs', [data.fair]);
  await putRows(
    p,
    'cases',
    data.cases.map((c) => ({ ...c, complainantKey: `K:${c.complainant.name}`, ...(c.respondent.exhibitorKey === undefined ? {} : { respondentKey: c.respondent.exhibitorKey }) })),
  );
  // The store writes each case's summary row with it (case-summaries.ts): the summary reads those.
  await putRows(p, 'caseSummaries', data.cases.map(toSummaryRow));
  await putRows(
    p,
    'items',
    data.events.map((e, i) => ({ id: e.id, fairId: data.fair.id, deviceId: e.deviceId, seq: seqBase + i, hlc: e.hlc, at: e.at, kind: 'case_event', entityId: e.caseId, payload: e })),
  );
  await putRows(p, 'exhibitors', data.exhibitors.map((e) => ({ ...e, boothKeys: [], search: [] })));
  await putRows(p, 'commitments', data.commitments);
  await putRows(p, 'consultations', data.consultations);
}

async function exportXlsx(): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  const bytes = readFileSync(path);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return workbook;
}

const cells = (sheet: ExcelJS.Worksheet | undefined, row: number): unknown[] => {
  const r = sheet?.getRow(row);
  const out: unknown[] = [];
  for (let c = 1; c <= (sheet?.columnCount ?? 0); c++) out.push(r?.getCell(c).value ?? null);
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  ({ context, page } = await newKiosk(browser));
  await page.setViewportSize({ width: 1280, height: 800 });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: resolve('dist') });
  organizerId = (await server.storage.createUser({ name: 'organizer-summary', password: 'correct horse battery', role: 'organizer' })).userId;
  await page.goto(server.url);
  await waitForShell(page);
  await seed(page, PREV, 1_000_000);
  await seed(page, CUR, 2_000_000);
  await page.reload();
  await waitForShell(page);
  await setUpDevice(page, '总结台', 'K07', `${CUR.fair.code} · ${CUR.fair.nameZh}`);
  await createFirstUser(page, '王主办', '24680');
  // This tablet enrolled with the server on the sync screen, as the organizer would.
  const { code } = await server.storage.createEnrolment(organizerId, { fairId: CUR.fair.id, role: 'desk', ttlMinutes: 10 }, Date.now());
  await go(page, '/sync');
  await page.waitForSelector('[data-testid=enrol-form]');
  await page.fill('input[name=enrol-code]', code);
  await page.click('[data-testid=enrol-submit]');
  await page.waitForSelector('[data-testid=sync-enrolled]');
  // A second desk that never syncs: the summary is incomplete (PS2).
  silent = await enrolSilentTablet('A2');
}, 300_000);
afterAll(async () => {
  await context.close();
  await browser.close();
  await server.close();
});

let silent = '';

test('[R1][R4][R10][R15] the dashboard shows every figure as the domain computes it, with the previous session computed on the tablet', async () => {
  await go(page, '/summary');
  await page.waitForSelector('[data-testid=summary-figures]');
  const rows = figureRows(EXPECTED, 'zh-CN');
  // The previous session is computed after this session's figures (its own read): wait for both.
  const shown = async (): Promise<(string | null | undefined)[][]> =>
    (await page.$$eval('[data-testid=summary-figures] tr[data-figure]', (trs) => trs.map((tr) => [tr.getAttribute('data-figure'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')]))).map((r) => [
      r[0],
      r[1],
      r[2],
      r[3]?.replace(/手填|typed/, ''),
      r[4],
      r[5],
    ]);
  await expect.poll(shown, { timeout: 15_000 }).toEqual(rows.map((r) => [r.id, r.name, r.value, r.prev, r.delta, r.deltaPct]));
  // The report reads in words: 收到投诉 12 件，受理 9 件，受理率 75.00 %…
  const report = (await page.textContent('[data-testid=summary-report]')) ?? '';
  expect(report).toContain(`收到投诉 ${EXPECTED.figures['R3.received']} 件（上届 ${EXPECTED.changes['R3.received']?.prev} 件`);
  expect(await page.locator('[data-testid=repeat-row]').count()).toBe(EXPECTED.repeatInfringers.length);
  // A2 never synced: every device is listed, A2 as possibly incomplete, the summary provisional.
  await page.waitForSelector('[data-testid=summary-provisional]');
  await page.waitForSelector('[data-testid=device-row][data-status=not-since-close]');
  // This tablet's own items go out with the sync loop started at enrolment.
  await page.waitForSelector('[data-testid=device-row][data-status=complete]', { timeout: 60_000 });
  const devices = await page.$$eval('[data-testid=device-row]', (trs) => trs.map((tr) => [tr.getAttribute('data-status'), tr.querySelector('td')?.textContent ?? '']));
  expect(devices.map(([st, name]) => [st, name?.slice(0, 2)])).toEqual([
    ['not-since-close', 'A2'],
    ['complete', devices[1]?.[1]?.slice(0, 2)],
  ]);
  expect(devices[1]?.[1]).toContain('本机');
  await page.screenshot({ path: `${SHOTS}/summary-zh.png`, fullPage: false });
  await page.locator('[data-testid=summary-report]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/summary-zh-report.png`, fullPage: false });
});

test('the server out of reach: the screen says so and the summary is provisional (the device list is unknown)', async () => {
  await page.route('**/api/reports/completeness**', (r) => r.abort('internetdisconnected'));
  await reopen();
  await page.waitForSelector('[data-testid=summary-devices-unknown]');
  expect(await page.textContent('[data-testid=summary-devices-unknown]')).toContain('无法连接服务器');
  await page.waitForSelector('[data-testid=summary-provisional]');
  await page.unroute('**/api/reports/completeness**');
  await reopen();
  await page.waitForSelector('[data-testid=device-row][data-status=not-since-close]');
});

test('[R15] XLSX: one sheet per table, Chinese headers, every cell as the domain shows it, a formula-looking name stays text, PROVISIONAL on every sheet', async () => {
  const wb = await exportXlsx();
  expect(wb.worksheets.map((s) => s.name)).toEqual(['数据', '重复侵权', '设备']);
  for (const sheet of wb.worksheets) {
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('PROVISIONAL');
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('临时');
    expect(sheet.headerFooter.oddHeader).toContain('PROVISIONAL');
  }
  const figures = wb.getWorksheet('数据');
  expect(cells(figures, 2)).toEqual(['部分', '数据', '单位', '本届', '上届', '增减（比率为百分点）', '增减幅度', '编号']);
  const named = figureRows(EXPECTED, 'zh-CN');
  named.forEach((r, i) => {
    const got = cells(figures, i + 3);
    expect([got[0], got[1], got[7]]).toEqual([r.section, r.name, r.id]);
  });
  // Numbers are numeric cells: counts whole, rates as fractions under a % format, changes signed.
  const row = (id: string): ExcelJS.Row | undefined => figures?.getRow(named.findIndex((r) => r.id === id) + 3);
  const c = EXPECTED.changes;
  const num = (r: ExcelJS.Row | undefined, col: number): [unknown, unknown, string | undefined] => [r?.getCell(col).type, r?.getCell(col).value, r?.getCell(col).numFmt];
  expect(num(row('R3.received'), 4)).toEqual([ExcelJS.ValueType.Number, EXPECTED.figures['R3.received'], '0']);
  expect(num(row('R3.received'), 5)).toEqual([ExcelJS.ValueType.Number, c['R3.received']?.prev, '0']);
  expect(num(row('R3.received'), 6)).toEqual([ExcelJS.ValueType.Number, c['R3.received']?.delta, '+0;-0;0']);
  expect(num(row('R3.received'), 7)).toEqual([ExcelJS.ValueType.Number, (c['R3.received']?.deltaPctBp ?? 0) / 10000, '+0.00%;-0.00%;0.00%']);
  expect(num(row('R5.rate'), 4)).toEqual([ExcelJS.ValueType.Number, (EXPECTED.figures['R5.rate'] ?? 0) / 10000, '0.00%']);
  expect(num(row('R10.rate'), 6)).toEqual([ExcelJS.ValueType.Number, (c['R10.rate']?.delta ?? 0) / 100, '+0.00;-0.00;0.00']);
  expect(num(row('R14.receivedToAccepted'), 4)).toEqual([ExcelJS.ValueType.Number, EXPECTED.figures['R14.receivedToAccepted'], '0']);
  const repeat = wb.getWorksheet('重复侵权');
  expect(cells(repeat, 2)).toEqual(['企业名称', '统一社会信用代码', '本届认定', '上届认定', '重复', '建议处理']);
  expect(repeat?.getRow(3).getCell(3).type).toBe(ExcelJS.ValueType.Number);
  const evil = repeat?.getRow(3).getCell(1);
  expect(evil?.value).toBe(EVIL);
  // A string cell, never a formula: exceljs reads a formula back as { formula } with type Formula.
  expect(evil?.type).toBe(ExcelJS.ValueType.String);
  expect(evil?.formula).toBeUndefined();
});

test('[R4] once every item is synced the export is final: English headers, no PROVISIONAL; the CSV has the same digits, signed changes left as numbers', async () => {
  // The organizer revokes the silent tablet (it can never sync now); this one has sent everything.
  await server.storage.revokeDevice(silent, CUR.fair.id);
  await clearTable(page, 'outbox');
  await reopen();
  await page.waitForSelector('[data-testid=device-row][data-status=revoked]');
  expect(await page.$('[data-testid=summary-provisional]')).toBeNull();
  await page.click('[data-testid=language-switch]');
  await page.waitForSelector('[data-testid=summary-figures] th >> text=This session');
  const wb = await exportXlsx();
  expect(wb.worksheets.map((s) => s.name)).toEqual(['Figures', 'Repeat infringers', 'Devices']);
  const figures = wb.getWorksheet('Figures');
  expect(cells(figures, 1)).toEqual(['Section', 'Figure', 'Unit', 'This session', 'Previous', 'Change (rates in points)', 'Change %', 'ID']);
  for (const sheet of wb.worksheets) expect(JSON.stringify(cells(sheet, 1))).not.toContain('PROVISIONAL');
  const r4 = figureRows(EXPECTED, 'en').findIndex((r) => r.id === 'R4.accepted');
  expect(cells(figures, r4 + 2)).toEqual(['Complaints', 'accepted', '', EXPECTED.figures['R4.accepted'], EXPECTED.changes['R4.accepted']?.prev, EXPECTED.changes['R4.accepted']?.delta, (EXPECTED.changes['R4.accepted']?.deltaPctBp ?? 0) / 10000, 'R4.accepted']);
  await page.screenshot({ path: `${SHOTS}/summary-en.png`, fullPage: false });
  await page.locator('[data-testid=summary-report]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/summary-en-report.png`, fullPage: false });

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFSection,Figure,Unit,This session,Previous,Change (rates in points),Change %,ID\r\n')).toBe(true);
  // Signed changes stay numbers; only text that would be a formula gets the apostrophe.
  const r4row = csv.split('\r\n').find((l) => l.endsWith(',R4.accepted'));
  const expected = summaryRows(EXPECTED).find((r) => r.id === 'R4.accepted');
  expect(r4row).toBe(`Complaints,accepted,,${expected?.value},${expected?.prev},${expected?.delta},${expected?.deltaPct},R4.accepted`);
});

test('[R3] raw data ZIP: cases, events and measures as CSV, one row per case and per event', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-raw]')]);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(files).sort()).toEqual(['all-items.csv', 'cases.csv', 'events.csv', 'evidence.csv', 'measures.csv']);
  const lines = (name: string): string[] => strFromU8(files[name] ?? new Uint8Array()).split('\r\n').filter((l) => l !== '');
  expect(lines('cases.csv')).toHaveLength(CUR.cases.length + 1);
  expect(lines('events.csv')).toHaveLength(CUR.events.length + 1);
  const measureEvents = CUR.events.filter((e) => /Measure/.test(e.type)).length;
  expect(measureEvents).toBeGreaterThan(0);
  expect(lines('measures.csv')).toHaveLength(measureEvents + 1);
  // The formula-looking respondent name is neutralised in the CSV.
  expect(lines('cases.csv').some((l) => l.includes(`'=HYPERLINK`))).toBe(true);
});

/** A figure id, a rule code or an English word (file formats aside) in a Chinese text. */
const NOT_CHINESE = /R\d+\.|\b(CS|DL|RP)\d+|\b[a-z]{3,}\b|\b(?!XLSX\b|CSV\b|ZIP\b|PDF\b)[A-Z][A-Z_]{3,}\b/g;
const flat = (s: string): string => s.replace(/\s+/g, '');
// The formula-looking enterprise name is typed text, not the app's words.
const EVIL_WORDS = new Set(EVIL.match(/[A-Za-z]+/g));
const notChinese = (text: string): string[] => (text.match(NOT_CHINESE) ?? []).filter((w) => !EVIL_WORDS.has(w));

/** The page printed to PDF (A4, as the browser prints it), its pages rendered to PNG beside it. */
async function printed(name: string): Promise<{ text: string; pages: string[] }> {
  const file = `${SHOTS}/${name}.pdf`;
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '80', file, `${SHOTS}/${name}`]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { text, pages: text.split('\f').filter((p) => p.trim() !== '') };
}

async function setLanguage(lang: 'zh-CN' | 'en'): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await page.click('[data-testid=language-switch]');
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

test('[R10] the printed report reads in words in the chosen language: no figure id, rule code or English word in the Chinese one; a provisional one says so on every page', async () => {
  await setLanguage('zh-CN');
  // Download file names are not the app's words.
  const screen = (await page.innerText('.summary-screen')).replace(/[\w-]+\.(zip|xlsx|csv)/g, '');
  expect(notChinese(screen)).toEqual([]);
  const zh = await printed('print-zh');
  for (const words of ['展后知识产权保护工作总结', '参展与承诺', '投诉受理', '处理结果', '时效', '重复侵权', '咨询与培训', '驻场服务', `收到投诉${EXPECTED.figures['R3.received']}件`]) expect(flat(zh.text)).toContain(words);
  expect(notChinese(zh.text)).toEqual([]);
  expect(zh.text).not.toContain('PROVISIONAL');
  expect(zh.pages.length).toBeLessThanOrEqual(4);

  await setLanguage('en');
  const en = await printed('print-en');
  for (const words of ['Post-show report on IP protection', 'Complaints', `Complaints received: ${EXPECTED.figures['R3.received']}`]) expect(en.text).toContain(words);
  expect(en.text).not.toMatch(/R\d+\./);
  expect(en.pages.length).toBeLessThanOrEqual(4);

  // Another tablet enrolled that has not synced: every page carries the banner.
  await setLanguage('zh-CN');
  await enrolSilentTablet('A3');
  await reopen();
  await page.waitForSelector('[data-testid=summary-provisional]');
  const provisional = await printed('print-zh-provisional');
  for (const p of provisional.pages) expect(p).toContain('临时');
});

test('[R18][R19] training entered on the summary screen counts at once and travels in the fair record (synced like the rest)', async () => {
  await reopen();
  await page.waitForSelector('[data-testid=summary-service]');
  expect(await page.textContent('[data-testid="fig-R18.trainingSessions"]')).toBe('0 场');
  await page.fill('input[name=service-title]', '知识产权保护培训');
  await page.fill('input[name=service-participants]', '35');
  await page.click('[data-testid=service-add]');
  await page.selectOption('select[name=service-kind]', 'publicity');
  await page.fill('input[name=service-title]', '宣传册');
  await page.fill('input[name=service-materials]', '400');
  await page.click('[data-testid=service-add]');
  expect(await page.locator('[data-testid=service-activity]').count()).toBe(2);
  await page.click('[data-testid=service-save]');
  await page.waitForSelector('[data-testid=service-saved]');
  await page.waitForFunction(() => document.querySelector('[data-testid="fig-R18.trainingSessions"]')?.textContent === '1 场');
  expect(await page.textContent('[data-testid="fig-R18.trainingParticipants"]')).toBe('35 人次');
  expect(await page.textContent('[data-testid="fig-R18.publicityMaterials"]')).toBe('400 份');
  // The fair record with its entries is a logged item, so it syncs to the server and the other tablets.
  const items = await storedRows<{ kind: string; payload: { service?: { outreach: unknown[] } } }>(page, 'items');
  expect(items.filter((i) => i.kind === 'fair').some((i) => i.payload.service?.outreach.length === 2)).toBe(true);
});

test('one case: the printed report takes at most four A4 pages in either language', async () => {
  const one = CUR.cases[0] as Case;
  await clearTable(page, 'cases');
  await clearTable(page, 'caseSummaries');
  await clearTable(page, 'items');
  await seed(page, { ...CUR, cases: [one], events: CUR.events.filter((e) => e.caseId === one.id) }, 3_000_000);
  await reopen();
  await page.waitForFunction(() => document.querySelector('[data-testid="fig-R3.received"]')?.textContent === '1 件');
  await page.screenshot({ path: `${SHOTS}/one-case-zh.png`, fullPage: false });
  const zh = await printed('one-case-zh');
  await setLanguage('en');
  const en = await printed('one-case-en');
  console.log(`one case: ${zh.pages.length} pages in Chinese, ${en.pages.length} in English`);
  expect(zh.pages.length).toBeLessThanOrEqual(4);
  expect(en.pages.length).toBeLessThanOrEqual(4);
  expect(notChinese(zh.text)).toEqual([]);
});
