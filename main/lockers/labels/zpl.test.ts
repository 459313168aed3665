import { describe, expect, it } from 'vitest';
import { maskText } from '../../../common/domain/personalData';
import { layoutLockerLabel } from './labelLayout';
import { encodeZpl, escapeZplText, renderLockerLabelZpl } from './zpl';
import { longPolishLabel, ordinaryLabel, overlongLabel } from './testing/sampleLabels';

/** The ^FD data of every field, in order. */
function fieldData(zpl: string): string[] {
  return Array.from(zpl.matchAll(/\^FD(.*?)\^FS/gs), (match) => match[1] ?? '');
}

describe('renderLockerLabelZpl', () => {
  it('is one ZPL II label in UTF-8: ^XA, ^CI28 first, ^XZ last', () => {
    const zpl = renderLockerLabelZpl(ordinaryLabel);

    expect(zpl.startsWith('^XA\n^CI28\n')).toBe(true);
    expect(zpl.endsWith('^XZ')).toBe(true);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).toContain('^PW812\n^LL1218');
  });

  it('carries Polish letters as UTF-8 text in scalable font 0', () => {
    const zpl = renderLockerLabelZpl(longPolishLabel);

    expect(zpl).toContain('Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ');
    expect(zpl).toContain('USC-ŚRÓDMIEŚCIE-\\&PÓŁNOC.5360.12345.2025');
    expect(zpl).toContain('^FDMAŁA^FS');
    expect(zpl).toContain('^FDŻ.Ć.^FS');
    expect(zpl.match(/\^A0N,(\d+),\1\^FB/g)?.length).toBe(
      layoutLockerLabel(longPolishLabel).texts.length,
    );
    const bytes = encodeZpl(zpl);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(zpl);
    // ż is two bytes in UTF-8 (C5 BC), as ^CI28 expects.
    expect(Buffer.from(bytes).includes(Buffer.from([0xc5, 0xbc]))).toBe(true);
  });

  it('puts the deposit id in a Code 128 and in a QR code (error correction H)', () => {
    const zpl = renderLockerLabelZpl(ordinaryLabel);

    expect(zpl).toMatch(/\^BCN,\d+,N,N,N\^FDDEP-7K3M9QX2WZ\^FS/);
    expect(zpl).toMatch(/\^BQN,2,\d+,H\^FDHA,DEP-7K3M9QX2WZ\^FS/);
  });

  it('gives every text field a ^FB block whose line limit holds its lines', () => {
    const layout = layoutLockerLabel(longPolishLabel);
    const zpl = renderLockerLabelZpl(longPolishLabel);

    for (const block of layout.texts) {
      const command = `^FB${block.width},${block.maxLines},${block.lineSpacing},`;
      expect(zpl).toContain(command);
      expect(block.lines.length).toBeLessThanOrEqual(block.maxLines);
      expect(zpl).toContain(`^FD${block.lines.map(escapeZplText).join('\\&')}^FS`);
    }
  });

  it('escapes ^, ~ and _ so a site name cannot end the field or the label', () => {
    const label = { ...ordinaryLabel, siteName: 'Urzędomat ^XZ~JA_Focha' };

    const zpl = renderLockerLabelZpl(label);

    expect(zpl).toContain('^FH^FDUrzędomat _5EXZ_7EJA_5FFocha^FS');
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).not.toContain('~JA');
  });

  it('prints DUPLIKAT only on a reprint, white on a black band', () => {
    const original = renderLockerLabelZpl(ordinaryLabel);
    const reprint = renderLockerLabelZpl({ ...ordinaryLabel, duplicate: true });

    expect(original).not.toContain('DUPLIKAT');
    expect(reprint).toMatch(/\^FR\^FH\^FDDUPLIKAT\^FS/);
    const band = /\^GB(\d+),(\d+),(\d+),B,0\^FS/g;
    // A box filled black and taller than a rule (rules are filled too, but a few dots high).
    const filled = (zpl: string) =>
      Array.from(zpl.matchAll(band)).filter(
        ([, , height, thickness]) => height === thickness && Number(height) > 40,
      );
    expect(filled(original)).toHaveLength(0);
    expect(filled(reprint)).toHaveLength(1);
  });

  it('holds no personal data: masking it changes nothing', () => {
    for (const label of [ordinaryLabel, longPolishLabel, overlongLabel]) {
      const zpl = renderLockerLabelZpl({ ...label, duplicate: true });

      expect(maskText(zpl)).toBe(zpl);
      expect(fieldData(zpl).join(' ')).not.toMatch(/\d{11}/);
    }
  });

  it('pins the ^BY height before the QR code, so a previous job cannot move it', () => {
    const zpl = renderLockerLabelZpl(ordinaryLabel);
    const { qr } = layoutLockerLabel(ordinaryLabel);

    expect(zpl).toContain(`^BY2,3,10^FO${qr.x},${qr.y - 10}^BQN`);
  });
});
