import ExcelJS from 'exceljs';
import type { ExportTable } from './summary-tables';

/**
 * XLSX with exceljs, behind a lazy chunk (issue 9 §4): one sheet per table, headers in the
 * chosen language. Every cell is written as a string value with the text number format `@`, so
 * nothing is ever a formula: a cell reading `=HYPERLINK(…)` stays text (formula injection). A
 * provisional export carries the banner in row 1 of every sheet and in every sheet's header
 * and footer (printed pages too).
 */
export async function buildXlsx(tables: readonly ExportTable[], banner: string | undefined, onProgress?: (done: number, total: number) => void): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'FairCase';
  let done = 0;
  const total = tables.reduce((n, t) => n + t.rows.length, 0);
  for (const table of tables) {
    // Sheet names: ≤ 31 chars, none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(table.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
    if (banner !== undefined) {
      sheet.headerFooter.oddHeader = `&C&B${banner}`;
      sheet.headerFooter.oddFooter = `&C${banner}`;
      const row = sheet.addRow([banner]);
      row.font = { bold: true, color: { argb: 'FFC00000' } };
    }
    const head = sheet.addRow([...table.headers]);
    head.font = { bold: true };
    for (const cells of table.rows) {
      const row = sheet.addRow([...cells]);
      row.eachCell((cell) => {
        cell.numFmt = '@';
      });
      done++;
      if (done % 500 === 0) {
        onProgress?.(done, total);
        // Let the progress paint between batches.
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    sheet.columns.forEach((col, i) => {
      col.width = i === 1 ? 48 : 16;
    });
  }
  onProgress?.(total, total);
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
