import { describe, expect, it } from 'vitest';
import {
  defaultWorkstationConfig,
  printerConfigSchema,
  printerLabelGeometry,
  workstationConfigSchema,
} from './workstationConfig';

describe('the printer section of the workstation config', () => {
  it('still reads a config written before labels existed, as the 4 × 6 in stock at 203 dpi', () => {
    const config = workstationConfigSchema.parse({
      ...defaultWorkstationConfig,
      printer: { kind: 'tcp', host: '10.0.0.5' },
    });
    expect(config.printer).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 9100 });
    expect(printerLabelGeometry(config.printer)).toEqual({
      widthMm: 101.6,
      heightMm: 152.4,
      dpi: 203,
    });
  });

  it('takes the label stock, filling what is left out', () => {
    const printer = printerConfigSchema.parse({
      kind: 'ipp',
      url: 'ipp://druk.um.local/printers/zebra',
      documentFormat: 'application/vnd.zebra-zpl',
      label: { widthMm: 100, heightMm: 150 },
    });
    expect(printerLabelGeometry(printer)).toEqual({ widthMm: 100, heightMm: 150, dpi: 203 });
  });

  it('names a stock or resolution no label printer has', () => {
    const result = printerConfigSchema.safeParse({
      kind: 'system',
      label: { widthMm: 20, dpi: 250 },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'label.dpi',
      'label.widthMm',
    ]);
  });
});
