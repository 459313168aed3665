/**
 * A table as CSV the way the server's exports write it: `;`-separated, CRLF lines, UTF-8 with a
 * BOM, so a spreadsheet in Polish opens it as it is (commas are decimal separators there).
 */
export type CsvTable = { headers: readonly string[]; rows: readonly (readonly CsvCell[])[] };
export type CsvCell = string | number | null;

const BOM = '\ufeff';

function cell(value: CsvCell): string {
  if (value === null) return '';
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: CsvTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(cell).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
