const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Formula injection: a cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or
 * a tab / carriage return before one) gets a leading apostrophe, unless it is one of our own
 * signed numbers (`+72`, `-2.10`), which a spreadsheet reads as a plain number. One rule for
 * the tablet's exports and the server's (the console's audit CSV).
 */
export function neutralise(cell: string): string {
  if (NUMBER.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Whether a spreadsheet would take the text for a formula (XLSX writes such cells as text). */
export const looksLikeFormula = (cell: string): boolean => !NUMBER.test(cell) && /^[=+\-@\t\r]/.test(cell);
