import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabelGeometry } from '../../../common/contract/lockerLabel';
import { labelDots } from './labelGeometry';
import { layoutLockerLabel } from './labelLayout';
import { pngDataUrl, renderLockerLabelPreview, renderZplToPng } from './labelPreview';
import { decodePng, inkIn, readLabelBarcodes } from './testing/readLabelPng';
import { longPolishLabel, ordinaryLabel, overlongLabel } from './testing/sampleLabels';

/** Previews land here for a person to look at; the folder is git-ignored. */
const previewDir = join(process.cwd(), 'test-results', 'labels');

function savePreview(name: string, png: Uint8Array): void {
  mkdirSync(previewDir, { recursive: true });
  writeFileSync(join(previewDir, `${name}.png`), png);
}

const at300dpi: LabelGeometry = { widthMm: 101.6, heightMm: 152.4, dpi: 300 };
const metric100x150: LabelGeometry = { widthMm: 100, heightMm: 150, dpi: 203 };

describe('the label preview (the ZPL drawn by zpl-renderer-js)', () => {
  it.each([
    ['ordinary', ordinaryLabel],
    ['long-polish', longPolishLabel],
    ['overlong', overlongLabel],
    ['duplicate', { ...ordinaryLabel, duplicate: true }],
    ['long-polish-duplicate', { ...longPolishLabel, duplicate: true }],
    ['overlong-duplicate', { ...overlongLabel, duplicate: true }],
  ])(
    'draws the %s label with both barcodes decoding back to the deposit id',
    async (name, label) => {
      const { png } = await renderLockerLabelPreview(label);
      savePreview(name, png);

      const barcodes = await readLabelBarcodes(png);

      expect(barcodes).toContainEqual({ format: 'Code128', text: label.depositId });
      expect(barcodes).toContainEqual({ format: 'QRCode', text: label.depositId });
    },
  );

  it('draws one pixel per printer dot: 812 × 1218 at 203 dpi', async () => {
    const { png } = await renderLockerLabelPreview(ordinaryLabel);

    const image = decodePng(png);

    expect([image.width, image.height]).toEqual([812, 1218]);
  });

  it.each([
    ['300dpi', at300dpi, [1200, 1800]],
    ['100x150mm', metric100x150, [799, 1198]],
  ] as const)(
    'scales to a %s stock, and the barcodes still decode',
    async (name, geometry, size) => {
      const { png } = await renderLockerLabelPreview(longPolishLabel, geometry);
      savePreview(`long-polish-${name}`, png);

      const image = decodePng(png);
      const barcodes = await readLabelBarcodes(png);

      expect([image.width, image.height]).toEqual(size);
      expect(barcodes).toContainEqual({ format: 'Code128', text: longPolishLabel.depositId });
      expect(barcodes).toContainEqual({ format: 'QRCode', text: longPolishLabel.depositId });
    },
  );

  it('prints nothing in the margins, even for text too long for the label', async () => {
    for (const label of [longPolishLabel, overlongLabel, { ...overlongLabel, duplicate: true }]) {
      const { png } = await renderLockerLabelPreview(label);
      const image = decodePng(png);
      const { dots } = layoutLockerLabel(label);
      const strip = Math.round(3 * dots.dotsPerMm);

      expect(inkIn(image, { x: 0, y: 0, width: strip, height: image.height })).toBe(0);
      expect(
        inkIn(image, { x: image.width - strip, y: 0, width: strip, height: image.height }),
      ).toBe(0);
      expect(inkIn(image, { x: 0, y: 0, width: image.width, height: strip })).toBe(0);
      expect(
        inkIn(image, { x: 0, y: image.height - strip, width: image.width, height: strip }),
      ).toBe(0);
    }
  });

  it('draws Polish letters as themselves, not as their base letters', async () => {
    const geometry: LabelGeometry = { widthMm: 101.6, heightMm: 152.4, dpi: 203 };
    const field = (text: string) => `^XA^CI28^FO20,20^A0N,80,80^FD${text}^FS^XZ`;

    const polish = await renderZplToPng(field('ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż'), geometry);
    const plain = await renderZplToPng(field('ACELNOSZZ acelnoszz'), geometry);

    const polishImage = decodePng(polish);
    const plainImage = decodePng(plain);
    let differing = 0;
    for (let offset = 0; offset < polishImage.data.length; offset += 4) {
      if (polishImage.data[offset] !== plainImage.data[offset]) differing += 1;
    }
    // Every one of the 18 letters carries a mark the base letter has not.
    expect(differing).toBeGreaterThan(18 * 20);
  });

  it('gives the renderer a data URL it can show in an <img>', async () => {
    const { png } = await renderLockerLabelPreview(ordinaryLabel);

    const url = pngDataUrl(png);

    expect(url.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
    expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')).toEqual(Buffer.from(png));
  });

  it('keeps the preview the size of the label whatever the stock', () => {
    expect(labelDots(at300dpi)).toMatchObject({ widthDots: 1200, heightDots: 1800 });
  });
});
