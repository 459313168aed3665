import { defaultLabelGeometry } from '../../../common/contract/lockerLabel';
import type { LabelGeometry, LockerLabel } from '../../../common/contract/lockerLabel';
import { labelDots, printheadDotsPerMm } from './labelGeometry';
import { renderLockerLabelZpl } from './zpl';

/**
 * The on-screen preview: the very ZPL that goes to the printer, drawn offline by
 * zpl-renderer-js (Zebrash compiled to WebAssembly), so the clerk sees what will print.
 *
 * The package inlines an ~8 MB WebAssembly module and starts a Go runtime when imported, so it
 * is imported on the first preview, not when main starts; later previews reuse it.
 */
type ZplRenderer = {
  zplToBase64Async(
    zpl: string,
    widthMm?: number,
    heightMm?: number,
    dpmm?: number,
  ): Promise<string>;
};

let renderer: Promise<ZplRenderer> | undefined;

function zplRenderer(): Promise<ZplRenderer> {
  renderer ??= import('zpl-renderer-js')
    .then((module) => module.ready)
    .then(({ api }) => api)
    .catch((error: unknown) => {
      renderer = undefined; // a later preview tries again
      throw error;
    });
  return renderer;
}

/** A label drawn from ZPL as PNG bytes, one pixel per printer dot. */
export async function renderZplToPng(zpl: string, geometry: LabelGeometry): Promise<Uint8Array> {
  const dots = labelDots(geometry);
  const dotsPerMm = printheadDotsPerMm(geometry.dpi);
  const api = await zplRenderer();
  let base64: string;
  try {
    // The renderer sizes its canvas as millimetres × whole dots per mm; passing the label's
    // dots back as millimetres makes the image exactly the label's dots.
    base64 = await api.zplToBase64Async(
      zpl,
      dots.widthDots / dotsPerMm,
      dots.heightDots / dotsPerMm,
      dotsPerMm,
    );
  } catch (error) {
    throw new Error(
      `The label preview could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

export type LockerLabelPreview = {
  /** What the printer gets; the preview is this, drawn. */
  zpl: string;
  png: Uint8Array;
};

export async function renderLockerLabelPreview(
  label: LockerLabel,
  geometry: LabelGeometry = defaultLabelGeometry,
): Promise<LockerLabelPreview> {
  const zpl = renderLockerLabelZpl(label, geometry);
  return { zpl, png: await renderZplToPng(zpl, geometry) };
}

/** `data:image/png;base64,…`, for an <img> in the renderer. */
export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}
