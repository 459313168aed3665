// The app's icons for packaging, made from build/icon.png (512×512, itself rendered from
// build/icon.svg): build/icons/<N>x<N>.png, the set of sizes the Linux targets install into
// the desktop's icon theme, and build/icon.ico with the sizes Windows shows (the installer,
// the Start menu, the taskbar, Explorer). `node scripts/icons.ts`; the test in
// test/packaging checks that the committed files are what this makes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const { PNG } = pngjs;

export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const WINDOWS_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

type Rgba = { width: number; height: number; data: Buffer };

/**
 * Shrinks by averaging every source pixel under each target pixel (weighted by how much of it
 * is covered), in premultiplied alpha so the transparent corners do not darken the edges.
 */
export function downscale(source: Rgba, size: number): Rgba {
  const data = Buffer.alloc(size * size * 4);
  const scaleX = source.width / size;
  const scaleY = source.height / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const x0 = x * scaleX;
      const x1 = x0 + scaleX;
      const y0 = y * scaleY;
      const y1 = y0 + scaleY;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let area = 0;
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
        const wy = Math.min(sy + 1, y1) - Math.max(sy, y0);
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
          const w = wy * (Math.min(sx + 1, x1) - Math.max(sx, x0));
          const i = (sy * source.width + sx) * 4;
          const alpha = source.data[i + 3]! / 255;
          r += source.data[i]! * alpha * w;
          g += source.data[i + 1]! * alpha * w;
          b += source.data[i + 2]! * alpha * w;
          a += alpha * w;
          area += w;
        }
      }
      const o = (y * size + x) * 4;
      data[o] = a > 0 ? Math.round(r / a) : 0;
      data[o + 1] = a > 0 ? Math.round(g / a) : 0;
      data[o + 2] = a > 0 ? Math.round(b / a) : 0;
      data[o + 3] = Math.round((a / area) * 255);
    }
  }
  return { width: size, height: size, data };
}

function encodePng(image: Rgba): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  image.data.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}

/** An .ico whose images are PNGs (Windows Vista and later read them; 256 px needs it). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** Every icon file, by its path under build/, made from the 512 px PNG. */
export function renderIcons(sourcePng: Buffer): Map<string, Buffer> {
  const decoded = PNG.sync.read(sourcePng);
  const source: Rgba = { width: decoded.width, height: decoded.height, data: decoded.data };
  const pngs = new Map<number, Buffer>();
  const pngOf = (size: number) => {
    let png = pngs.get(size);
    if (!png) {
      png = size === source.width ? sourcePng : encodePng(downscale(source, size));
      pngs.set(size, png);
    }
    return png;
  };
  const files = new Map<string, Buffer>();
  for (const size of LINUX_ICON_SIZES) files.set(`icons/${size}x${size}.png`, pngOf(size));
  files.set('icon.ico', encodeIco(WINDOWS_ICON_SIZES.map((size) => ({ size, png: pngOf(size) }))));
  return files;
}

const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = renderIcons(readFileSync(path.join(buildDir, 'icon.png')));
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  for (const [name, content] of files) {
    writeFileSync(path.join(buildDir, name), content);
    console.log(`build/${name} (${content.length} bytes)`);
  }
}
