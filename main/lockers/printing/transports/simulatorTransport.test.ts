import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeZpl, renderLockerLabelZpl } from '../../labels/zpl';
import { ordinaryLabel } from '../../labels/testing/sampleLabels';
import { createSimulatorPrinter } from './simulatorTransport';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-sim-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the simulator printer', () => {
  it('writes each label into its folder, so a demo user can look at what printed', async () => {
    const folder = path.join(dir, 'printed-labels');
    const printer = createSimulatorPrinter({ folder });
    const zpl = encodeZpl(renderLockerLabelZpl(ordinaryLabel));
    const page = new TextEncoder().encode('<!doctype html><p>Etykieta</p>');

    await printer.transport.send({ kind: 'simulator' }, zpl, {
      id: 'job-1',
      depositId: ordinaryLabel.depositId,
    });
    await printer.transport.send({ kind: 'simulator' }, page, {
      id: 'job-2',
      depositId: ordinaryLabel.depositId,
    });

    const files = fs.readdirSync(folder).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^0001-\d+-DEP-7K3M9QX2WZ\.zpl$/);
    expect(files[1]).toMatch(/^0002-\d+-DEP-7K3M9QX2WZ\.html$/);
    expect(fs.readFileSync(path.join(folder, files[0] ?? ''))).toEqual(Buffer.from(zpl));
    expect(printer.printed()).toEqual([zpl, page]);
  });

  it('refuses jobs while switched off, writing nothing', async () => {
    const folder = path.join(dir, 'printed-labels');
    const printer = createSimulatorPrinter({ folder });
    printer.setOnline(false);
    await expect(
      printer.transport.send({ kind: 'simulator' }, encodeZpl('^XA^XZ')),
    ).rejects.toMatchObject({ code: 'printer-offline', retryable: true });
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('reports its state like a printer that can be asked: online, then offline once switched off', async () => {
    const printer = createSimulatorPrinter();
    expect(await printer.transport.status!({ kind: 'simulator' })).toEqual({
      state: 'online',
      detail: 'simulator',
    });
    printer.setOnline(false);
    expect((await printer.transport.status!({ kind: 'simulator' })).state).toBe('offline');
  });
});
