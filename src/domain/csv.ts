/**
 * CSV cells and rows as RFC 4180 defines them (comma separator, CRLF line ends, a field quoted when it
 * holds a comma, quote, CR or LF, quotes doubled), made safe for spreadsheets: a text cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with an apostrophe so that it is shown
 * as text instead of being evaluated as a formula (OWASP "CSV Injection").
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
