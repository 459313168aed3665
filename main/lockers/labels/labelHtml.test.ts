import { describe, expect, it } from 'vitest';
import { escapeHtml, renderLockerLabelHtml } from './labelHtml';
import { layoutLockerLabel } from './labelLayout';
import { longPolishLabel, ordinaryLabel } from './testing/sampleLabels';

describe('renderLockerLabelHtml (the label for the system print dialog)', () => {
  it('is one page the size of the label stock', () => {
    const html = renderLockerLabelHtml(ordinaryLabel);

    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('@page { size: 101.60mm 152.40mm; margin: 0; }');
    expect(html).toContain('.label { position: relative; width: 101.60mm; height: 152.40mm;');
  });

  it('keeps the page size in millimetres at 300 dpi', () => {
    const html = renderLockerLabelHtml(ordinaryLabel, {
      widthMm: 101.6,
      heightMm: 152.4,
      dpi: 300,
    });

    expect(html).toContain('@page { size: 101.60mm 152.40mm; margin: 0; }');
  });

  it('escapes every text, so a <script> in a site name is only text', () => {
    const label = { ...ordinaryLabel, siteName: `Urzędomat <script>alert('x')</script> & Co` };

    const html = renderLockerLabelHtml(label);

    expect(html).not.toContain('<script');
    // (The line breaks after the slash; joined again, the whole name is there, escaped.)
    expect(html.replaceAll('</div><div>', '')).toContain(
      '<div>Urzędomat &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co</div>',
    );
  });

  it('loads nothing: a CSP that allows inline styles only', () => {
    const html = renderLockerLabelHtml(ordinaryLabel);

    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).not.toMatch(/<(?:script|img|link)\b/);
  });

  it('draws the Code 128 and the QR code as inline SVG', () => {
    const html = renderLockerLabelHtml(ordinaryLabel);

    expect(html.match(/<svg preserveAspectRatio="none" role="img" viewBox=/g)).toHaveLength(2);
    expect(html.match(/aria-label="DEP-7K3M9QX2WZ"/g)).toHaveLength(2);
  });

  it('prints the same lines as the ZPL, Polish letters included', () => {
    const html = renderLockerLabelHtml(longPolishLabel);

    for (const block of layoutLockerLabel(longPolishLabel).texts) {
      for (const line of block.lines) expect(html).toContain(`<div>${escapeHtml(line)}</div>`);
    }
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ');
  });

  it('says DUPLIKAT only on a reprint', () => {
    expect(renderLockerLabelHtml(ordinaryLabel)).not.toContain('DUPLIKAT');
    const reprint = renderLockerLabelHtml({ ...ordinaryLabel, duplicate: true });
    expect(reprint).toContain('data-field="duplicate"');
    expect(reprint).toContain('<div>DUPLIKAT</div>');
  });
});
