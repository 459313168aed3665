import { describe, expect, it } from 'vitest';
import { toCsv } from './csvTable';

describe('toCsv', () => {
  it('writes a spreadsheet-ready file: BOM, semicolons, CRLF', () => {
    const csv = toCsv({ headers: ['Nr', 'Stanowisko'], rows: [[1, 'Okienko 1']] });
    expect(csv).toBe('\ufeffNr;Stanowisko\r\n1;Okienko 1\r\n');
  });

  it('quotes a cell with a separator, a quote or a line break, and leaves null empty', () => {
    const csv = toCsv({ headers: ['a', 'b', 'c'], rows: [['x;y', 'say "hi"', null]] });
    expect(csv.split('\r\n')[1]).toBe('"x;y";"say ""hi""";');
  });
});
