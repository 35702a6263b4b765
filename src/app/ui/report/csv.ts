import type { ExportTable } from './summary-tables';
import { cellText, neutralise } from './summary-tables';

/**
 * CSV (RFC 4180, CRLF, UTF-8 with a BOM so spreadsheet programs read Chinese right). Every cell
 * is neutralised against formula injection first (PS6). A provisional export starts with
 * the banner line.
 */
const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function toCsv(table: ExportTable, banner?: string): string {
  const lines: string[] = [];
  if (banner !== undefined) lines.push(quote(neutralise(banner)));
  lines.push(table.headers.map((h) => quote(neutralise(h))).join(','));
  for (const row of table.rows) lines.push(row.map((c) => quote(neutralise(cellText(c)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
