import ExcelJS from 'exceljs';
import type { ExportTable } from './summary-tables';

/**
 * XLSX with exceljs, behind a lazy chunk (PS5): one sheet per table, headers in the
 * chosen language. A number is a numeric cell with its number format (rates as fractions under
 * `0.00%`); every text cell is a string value with the text number format `@`, so nothing is ever
 * a formula: a cell reading `=HYPERLINK(…)` stays text (formula injection). A
 * provisional export carries the banner in row 1 of every sheet and in every sheet's header
 * and footer (printed pages too).
 */
/**
 * XML 1.0 cannot carry C0 controls (but tab, LF, CR), U+FFFE/U+FFFF or unpaired surrogates;
 * exceljs writes them as they are and the file no longer opens (free text
 * pasted into a filing may hold them, TX3). A DEL (U+007F) alone in a cell comes back as an empty
 * cell. They are dropped; every other character is kept.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const xmlText = (s: string): string => s.replace(NOT_XML, '');

export async function buildXlsx(tables: readonly ExportTable[], banner: string | undefined, onProgress?: (done: number, total: number) => void): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'FairCase';
  let done = 0;
  const total = tables.reduce((n, t) => n + t.rows.length, 0);
  for (const table of tables) {
    // Sheet names: ≤ 31 chars, none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(table.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
    if (banner !== undefined) {
      sheet.headerFooter.oddHeader = `&C&B${xmlText(banner)}`;
      sheet.headerFooter.oddFooter = `&C${xmlText(banner)}`;
      const row = sheet.addRow([xmlText(banner)]);
      row.font = { bold: true, color: { argb: 'FFC00000' } };
    }
    const head = sheet.addRow(table.headers.map(xmlText));
    head.font = { bold: true };
    for (const cells of table.rows) {
      const row = sheet.addRow(cells.map((c) => (typeof c === 'string' ? xmlText(c) : c.n)));
      cells.forEach((c, i) => {
        row.getCell(i + 1).numFmt = typeof c === 'string' ? '@' : c.format;
      });
      done++;
      if (done % 500 === 0) {
        onProgress?.(done, total);
        // Let the progress paint between batches.
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    sheet.columns.forEach((col, i) => {
      col.width = i === 1 ? 40 : 14;
    });
  }
  onProgress?.(total, total);
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
