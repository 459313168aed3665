import { describe, expect, it } from 'vitest';
import { REPORT_SIZE } from '../zvt/hidReports';
import { MemoryHidPair } from './memoryHidPair';

const report = (first: number) => {
  const bytes = new Array<number>(REPORT_SIZE).fill(0);
  bytes[0] = first;
  return bytes;
};

async function openBoth(pair: MemoryHidPair) {
  const terminal = (await pair.terminalFinder.open())!;
  const app = (await pair.appFinder.open())!;
  return { terminal, app };
}

describe('MemoryHidPair', () => {
  it("refuses the app's write without the report-ID byte, as Windows does", async () => {
    const { app } = await openBoth(new MemoryHidPair());
    await expect(app.write(report(0x80))).rejects.toThrow(/report ID/);
    await expect(app.write([0, ...report(0x80)])).resolves.toBeUndefined();
  });

  it('shows the app no device until the terminal is up on the bus', async () => {
    const pair = new MemoryHidPair();
    expect(await pair.appFinder.open()).toBeNull();
    await pair.terminalFinder.open();
    expect(await pair.appFinder.open()).not.toBeNull();
  });

  it('delivers 64-byte reports to the other end, and fails both ends when unplugged', async () => {
    const pair = new MemoryHidPair();
    const { terminal, app } = await openBoth(pair);
    const atTerminal: Uint8Array[] = [];
    const errors: string[] = [];
    terminal.onReport((r) => atTerminal.push(r));
    app.onError((e) => errors.push(`app: ${e.message}`));
    terminal.onError((e) => errors.push(`terminal: ${e.message}`));
    await app.write([0, ...report(0x81)]);
    await Promise.resolve();
    expect(atTerminal.map((r) => [r.length, r[0]])).toEqual([[64, 0x81]]);
    pair.unplug();
    expect(errors).toEqual(['app: device unplugged', 'terminal: device unplugged']);
    await expect(app.write([0, ...report(0x82)])).rejects.toThrow(/not connected/);
    expect(await pair.terminalFinder.open()).toBeNull();
  });
});
