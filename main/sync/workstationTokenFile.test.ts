import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  readWorkstationTokenFile,
  workstationTokenFor,
  WORKSTATION_TOKEN_FILE,
} from './workstationTokenFile';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-token-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the workstation token', () => {
  it('comes from the embedded server when there is one, without reading a file', () => {
    const warn = vi.fn();
    expect(workstationTokenFor('embedded-token-1234567', dir, { warn })).toBe(
      'embedded-token-1234567',
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('is read from <dataDir>/workstation-token for a remote server, trimmed', () => {
    fs.writeFileSync(path.join(dir, WORKSTATION_TOKEN_FILE), '  wst_0123456789abcdefXYZ\n');
    expect(readWorkstationTokenFile(dir)).toEqual({
      token: 'wst_0123456789abcdefXYZ',
      file: path.join(dir, WORKSTATION_TOKEN_FILE),
    });
  });

  it('is null, with a reason that names the file, when the file is missing or holds something else', () => {
    const warn = vi.fn();
    expect(workstationTokenFor(null, dir, { warn })).toBeNull();
    expect(warn.mock.calls[0]?.[0]).toMatchObject({
      problem: expect.stringContaining('does not exist'),
    });

    fs.writeFileSync(path.join(dir, WORKSTATION_TOKEN_FILE), 'two words\nand lines');
    const read = readWorkstationTokenFile(dir);
    expect(read.token).toBeNull();
    if (read.token === null) expect(read.problem).toContain(path.join(dir, WORKSTATION_TOKEN_FILE));
  });
});
