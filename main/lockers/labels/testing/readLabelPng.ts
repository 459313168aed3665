import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

/**
 * Test helpers that look at a preview PNG the way a scanner and an eye would: decode its
 * barcodes with ZXing (zxing-wasm, loaded from node_modules: no network) and read its pixels.
 */
let prepared = false;

function prepareReader(): void {
  if (prepared) return;
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const wasm = readFileSync(wasmPath);
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    },
  });
  prepared = true;
}

export type LabelImage = { width: number; height: number; data: Uint8ClampedArray };

export function decodePng(png: Uint8Array): LabelImage {
  const image = PNG.sync.read(Buffer.from(png));
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
}

export type DecodedBarcode = { format: string; text: string };

export async function readLabelBarcodes(png: Uint8Array): Promise<DecodedBarcode[]> {
  prepareReader();
  const image = decodePng(png);
  const results = await readBarcodes(
    { ...image, colorSpace: 'srgb' },
    { formats: ['Code128', 'QRCode'], tryHarder: true, maxNumberOfSymbols: 4 },
  );
  return results
    .filter((result) => result.isValid)
    .map((result) => ({ format: result.format, text: result.text }));
}

/** True when the pixel is printed (dark). */
export function isInk(image: LabelImage, x: number, y: number): boolean {
  const offset = (y * image.width + x) * 4;
  return (image.data[offset] ?? 255) < 128;
}

/** How many dark pixels lie in a rectangle. */
export function inkIn(
  image: LabelImage,
  area: { x: number; y: number; width: number; height: number },
): number {
  let count = 0;
  for (let y = area.y; y < area.y + area.height; y += 1) {
    for (let x = area.x; x < area.x + area.width; x += 1) if (isInk(image, x, y)) count += 1;
  }
  return count;
}
