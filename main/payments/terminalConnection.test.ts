import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageInbox } from './link/messageInbox';
import { SIMULATOR_STATE_FILE, openTerminalConnection } from './terminalConnection';
import type { TerminalConnection } from './terminalConnection';

let dataDir: string;
const connections: TerminalConnection[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-terminal-'));
});

afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  vi.useRealTimers();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('openTerminalConnection', () => {
  it('connects to the embedded simulator, which keeps its state in the data folder', async () => {
    const connection = openTerminalConnection({ kind: 'simulator' }, { dataDir });
    connections.push(connection);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connection.link.state).toBe('connected');
    const inbox = new MessageInbox(connection.link);
    const sent = connection.link.sendMessage({ kind: 'status-enquiry', password: '000000' });
    await vi.advanceTimersByTimeAsync(0);
    expect(await sent).toMatchObject({ ok: true });
    expect((await inbox.next(1_000))?.ok).toBe(true);
    expect(fs.existsSync(path.join(dataDir, SIMULATOR_STATE_FILE))).toBe(true);
  });

  it('looks for the USB HID device of the config, and keeps looking while it is absent', async () => {
    const devicesAsync = vi.fn(() => Promise.resolve([]));
    const connection = openTerminalConnection(
      { kind: 'usb-hid', vendorId: 0x1234, productId: 0x5678 },
      { dataDir, loadNodeHid: () => Promise.resolve({ devicesAsync } as never) },
    );
    connections.push(connection);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(connection.simulator).toBeNull();
    expect(connection.link.state).toBe('disconnected');
    expect(devicesAsync).toHaveBeenCalledWith(0x1234, 0x5678);
    expect(devicesAsync.mock.calls.length).toBe(3);
  });
});
