/**
 * CSV for spreadsheets (RFC 4180), safe against formula injection (OWASP "CSV
 * injection"): a text cell starting with =, +, -, @, tab or carriage return is
 * prefixed with a single quote so Excel, LibreOffice and Google Sheets show it
 * as text instead of running it (`=HYPERLINK(...)`, `@SUM(...)`, `=cmd|...`).
 * Numbers are written as numbers; null and undefined as empty cells.
 *
 * Every CSV export uses these, so a new export cannot forget one of the rules.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised when it could start a formula, quoted when it holds a quote, comma or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, without its line break. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** A whole file: CRLF after every record, and a UTF-8 byte order mark so spreadsheets read å, æ and ø right. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return '\ufeff' + rows.map((row) => `${csvRow(row)}\r\n`).join('');
}
