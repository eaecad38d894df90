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

/** What separates cells: `,` (RFC 4180), or `;`, the list separator of Swedish and Danish Excel. */
export type CsvSeparator = ',' | ';';

/** One cell: neutralised when it could start a formula, quoted when it holds a quote, a separator or a line break. */
export function csvCell(value: CsvValue, separator: CsvSeparator = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, without its line break. */
export function csvRow(values: readonly CsvValue[], separator: CsvSeparator = ','): string {
  return values.map((v) => csvCell(v, separator)).join(separator);
}

/** A whole file: CRLF after every record, and a UTF-8 byte order mark so spreadsheets read å, æ and ø right. */
export function csvDocument(rows: readonly (readonly CsvValue[])[], options: { separator?: CsvSeparator } = {}): string {
  return '\ufeff' + rows.map((row) => `${csvRow(row, options.separator)}\r\n`).join('');
}
