import { describe, expect, it } from 'vitest';
import { ELLIPSIS, fitText } from './fitText';
import { measureTextDots } from './glyphWidths';

describe('fitText', () => {
  it('keeps the largest font at which the text fits', () => {
    const fit = fitText({
      text: 'KM.5410.123.2025',
      width: 756,
      maxLines: 2,
      fontHeights: [80, 64, 48],
      breaks: 'caseNumber',
    });

    expect(fit).toMatchObject({ lines: ['KM.5410.123.2025'], fontHeight: 80, shortened: false });
  });

  it('breaks a long Polish case number after its dots and dashes, never inside a part', () => {
    const fit = fitText({
      text: 'USC-ŚRÓDMIEŚCIE-PÓŁNOC.5360.12345.2025',
      width: 756,
      maxLines: 2,
      fontHeights: [80, 72, 64, 56, 48],
      breaks: 'caseNumber',
    });

    expect(fit.shortened).toBe(false);
    expect(fit.lines).toHaveLength(2);
    expect(fit.lines[0]).toMatch(/[.-]$/);
    expect(fit.lines.join('')).toBe('USC-ŚRÓDMIEŚCIE-PÓŁNOC.5360.12345.2025');
  });

  it('shrinks the font before it gives up a line', () => {
    const text = 'Urzędomat – Wydział Spraw Obywatelskich, ul. Marszałka Focha';

    const width = measureTextDots(text, 32);

    const fit = fitText({
      text,
      width,
      maxLines: 1,
      fontHeights: [48, 40, 32, 24],
      breaks: 'words',
    });

    expect(fit).toMatchObject({ lines: [text], fontHeight: 32, shortened: false });
  });

  it('wraps words at spaces, keeps the space after a dash, and loses no word', () => {
    const text = 'Urzędomat – Wydział Spraw Obywatelskich, Zażółć gęślą jaźń';

    const fit = fitText({ text, width: 500, maxLines: 3, fontHeights: [48], breaks: 'words' });

    expect(fit.lines.length).toBeGreaterThan(1);
    expect(fit.lines.join(' ')).toBe(text);
  });

  it('ends an overlong text in an ellipsis at the smallest font, inside the box', () => {
    const text = 'Zażółć gęślą jaźń '.repeat(10).trim();

    const fit = fitText({ text, width: 400, maxLines: 2, fontHeights: [48, 32], breaks: 'words' });

    expect(fit.shortened).toBe(true);
    expect(fit.fontHeight).toBe(32);
    expect(fit.lines).toHaveLength(2);
    const last = fit.lines.at(-1) ?? '';
    expect(last.endsWith(ELLIPSIS)).toBe(true);
    // What is printed is the text's own start, cut in the open: nothing else is dropped.
    expect(text.startsWith(fit.lines.join(' ').slice(0, -ELLIPSIS.length))).toBe(true);
    for (const width of fit.lineWidths) expect(width).toBeLessThanOrEqual(400);
  });

  it('cuts a word wider than the whole box between letters rather than letting it overflow', () => {
    const fit = fitText({
      text: 'ŚĆŻŹĄĘŁŃÓŚĆŻŹĄĘŁŃÓŚĆŻŹĄĘŁŃÓ',
      width: 300,
      maxLines: 3,
      fontHeights: [40],
      breaks: 'words',
    });

    expect(fit.lines.join('')).toBe('ŚĆŻŹĄĘŁŃÓŚĆŻŹĄĘŁŃÓŚĆŻŹĄĘŁŃÓ');
    for (const width of fit.lineWidths) expect(width).toBeLessThanOrEqual(300);
  });

  it('reports each line with its measured width', () => {
    const fit = fitText({
      text: 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ',
      width: 2000,
      maxLines: 1,
      fontHeights: [50],
      breaks: 'words',
    });

    expect(fit.lineWidths).toEqual([measureTextDots('ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ', 50)]);
  });

  it('refuses a box that cannot hold even the ellipsis', () => {
    expect(() =>
      fitText({ text: 'Focha', width: 5, maxLines: 1, fontHeights: [40], breaks: 'words' }),
    ).toThrow(/cannot hold/);
  });
});
