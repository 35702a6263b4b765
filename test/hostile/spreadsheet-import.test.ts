import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { Exhibitor } from '../../src/domain/exhibitor';
import { isGood, previewImport, type ImportPreview } from '../../src/domain/exhibitor-import';
import { readTable } from '../../src/app/import/read-table';
import { isMessageKey, tIn } from './messages';
import { makeFair } from '../support/builders';
import { hostileString } from './arbitraries';

/**
 * Hostile input: the desk's exhibitor import (CSV and XLSX), in Node through the
 * real readers: random cells, formulas, NUL and markup, random and wrong headers, random bytes,
 * a large file. Never a throw; a file that is not a table is `unreadable`; a table without the
 * required columns yields no rows at all (nothing can be imported from it); every data row is
 * either an exhibitor the domain schema accepts or is listed with errors the app can word in
 * zh-CN and English.
 */
const fair = makeFair();
const HEADERS = ['名称', '展位号', 'nameEn', 'country', '统一社会信用代码', 'delegation', 'hall', 'contactName', 'contactPhone'];

/** The preview's promises, whatever the table. */
function checkPreview(preview: ImportPreview, table: readonly (readonly string[])[]): void {
  if (preview.missingColumns.length > 0) expect(preview.results).toEqual([]);
  const rows = preview.results.map((r) => r.row);
  expect(new Set(rows).size).toBe(rows.length);
  for (const r of preview.results) {
    expect(r.row).toBeGreaterThanOrEqual(2);
    expect(r.row).toBeLessThanOrEqual(table.length);
    if (isGood(r)) {
      const parsed = Exhibitor.safeParse({ ...r.exhibitor, id: fair.id, fairId: fair.id, createdAt: '2025-04-15T00:00:00.000Z', createdBy: fair.id, deviceId: fair.id });
      expect(parsed.success, JSON.stringify(r.exhibitor).slice(0, 300)).toBe(true);
    } else {
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        const key = `err.${e.code}`;
        expect(isMessageKey(key), key).toBe(true);
        if (isMessageKey(key)) for (const lang of ['zh-CN', 'en'] as const) expect(tIn(lang, key).length).toBeGreaterThan(0);
      }
    }
  }
}

const cell: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileString.map((s) => s.slice(0, 300)) },
  { weight: 2, arbitrary: fc.constantFrom('=HYPERLINK("http://evil","x")', '=cmd|\' /C calc\'!A0', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '华为技术有限公司', 'A01', '1.1/A01;1.1/A02', 'CN', '91440300192203821K', '13800138000') },
);
const header: fc.Arbitrary<string[]> = fc.oneof(
  fc.shuffledSubarray(HEADERS, { minLength: 0 }),
  fc.array(cell, { maxLength: 12 }),
  fc.constant(HEADERS),
);
const table: fc.Arbitrary<string[][]> = fc.tuple(header, fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 12 })).map(([h, rows]) => [h, ...rows]);

const csvQuote = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
/** A CSV the way spreadsheet programs write it, or a broken one (unbalanced quotes, stray separators). */
const csvText = fc.tuple(table, fc.boolean()).map(([t, broken]) => (broken ? t.map((r) => r.join(',')).join('\n') : t.map((r) => r.map(csvQuote).join(',')).join('\r\n')));

const file = (data: Uint8Array | string, name: string): File => new File([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], name);

describe('hostile spreadsheets: no crash, per-row errors, nothing from a refused file', () => {
  test('1,000 CSV files of hostile cells and headers', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.constantFrom('utf-8', 'utf-8-bom'), async (text, encoding) => {
        const bytes = new TextEncoder().encode(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text);
        const read = await readTable(file(bytes, 'exhibitors.csv'));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        checkPreview(previewImport(read.table, fair, []), read.table);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  test('1,000 files of random bytes, named .csv or .xlsx: a table or unreadable, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('x.csv', 'x.xlsx', 'x.XLSX', 'x.txt', 'x'), fc.boolean(), async (bytes, name, zipMagic) => {
        const data = zipMagic ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        const read = await readTable(file(data, name));
        if (read.ok) checkPreview(previewImport(read.table, fair, []), read.table);
        else expect(['unknown-format', 'unreadable']).toContain(read.reason);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  test('1,000 XLSX workbooks with formulas, numbers, dates, errors and hostile text', async () => {
    const xlsxCell = fc.oneof(
      { weight: 4, arbitrary: cell.map((s): ExcelJS.CellValue => s) },
      { weight: 1, arbitrary: fc.constantFrom<ExcelJS.CellValue>({ formula: 'HYPERLINK("http://evil","x")', result: 'x' } as ExcelJS.CellFormulaValue, { formula: '1+1' } as ExcelJS.CellFormulaValue, { error: '#REF!' } as ExcelJS.CellErrorValue, 42, -1.5, true, new Date(Date.UTC(2025, 3, 15)), { richText: [{ text: '<b>' }, { text: '=1' }] }, { text: 'link', hyperlink: 'javascript:alert(1)' }, null) },
    );
    await fc.assert(
      fc.asyncProperty(header, fc.array(fc.array(xlsxCell, { maxLength: 10 }), { maxLength: 5 }), async (head, rows) => {
        const wb = new ExcelJS.Workbook();
        const sheet = wb.addWorksheet('Sheet1');
        sheet.addRow(head);
        for (const r of rows) sheet.addRow(r);
        const data = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        const read = await readTable(file(data, 'exhibitors.xlsx'));
        // exceljs writes characters XML forbids (U+FFFF, C0 controls) as they are; its reader then refuses the file.
        if (!read.ok) {
          expect(read.reason, read.detail).toBe('unreadable');
          return;
        }
        for (const r of read.table) for (const c of r) expect(typeof c).toBe('string');
        checkPreview(previewImport(read.table, fair, []), read.table);
      }),
      { numRuns: 1000 },
    );
  }, 240_000);

  test('wrong headers: nothing to import, whatever the rows', () => {
    const rows = [['华为技术有限公司', 'A01'], ['=1+1', 'B02']];
    for (const head of [[], ['name'], ['展位号'], ['foo', 'bar'], ['名称 2', '展位'], ['<script>', '=HYPERLINK("x")']]) {
      const preview = previewImport([head, ...rows], fair, []);
      expect(preview.results, head.join('|')).toEqual([]);
      expect(preview.missingColumns.length).toBeGreaterThan(0);
    }
  });

  test('a large file (10,000 rows, ~1 MB): read and checked without a crash, every row accounted for', async () => {
    const lines = [HEADERS.join(',')];
    for (let i = 0; i < 10_000; i++) lines.push([`公司${i}`, `A${i}`, '=cmd', 'CN', '', '', '1.1', '<script>', '+86 1'].join(','));
    const read = await readTable(file(new TextEncoder().encode(lines.join('\r\n')), 'big.csv'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const preview = previewImport(read.table, fair, []);
    expect(preview.results).toHaveLength(10_000);
    checkPreview(preview, read.table);
  }, 120_000);
});
