import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkstationConfig } from '../../common/contract/workstationConfig';
import type { WorkstationConfig } from '../../common/contract/workstationConfig';
import {
  CONFIG_FILE_NAME,
  WorkstationConfigError,
  loadWorkstationConfig,
  saveWorkstationConfig,
} from './workstationConfigFile';

let root: string;
let dataDir: string;
let file: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-config-'));
  dataDir = path.join(root, 'data');
  file = path.join(dataDir, CONFIG_FILE_NAME);
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function writeConfigText(text: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, text);
}

function loadError(): WorkstationConfigError {
  try {
    loadWorkstationConfig(dataDir);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkstationConfigError);
    return error as WorkstationConfigError;
  }
  throw new Error('loadWorkstationConfig was expected to fail');
}

describe('loadWorkstationConfig', () => {
  it('creates the default config, and its folder, on first run', () => {
    const loaded = loadWorkstationConfig(dataDir);

    expect(loaded).toEqual({ config: defaultWorkstationConfig, file, created: true });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(defaultWorkstationConfig);
    expect(fs.readdirSync(dataDir)).toEqual([CONFIG_FILE_NAME]);
  });

  it('reads the same config back on the next run', () => {
    loadWorkstationConfig(dataDir);

    const loaded = loadWorkstationConfig(dataDir);

    expect(loaded).toEqual({ config: defaultWorkstationConfig, file, created: false });
  });

  it('reads a config written before the cases section with the default retention', () => {
    const { cases: _cases, ...older } = defaultWorkstationConfig;
    writeConfigText(JSON.stringify(older));

    expect(loadWorkstationConfig(dataDir).config.cases).toEqual({ retentionDays: 30 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(older);
  });

  it('refuses a retention outside 1 to 3650 days, naming the field', () => {
    writeConfigText(JSON.stringify({ ...defaultWorkstationConfig, cases: { retentionDays: 0 } }));

    expect(loadError().issues.map((issue) => issue.path)).toEqual(['cases.retentionDays']);
  });

  it('names every wrong field and unknown field, and leaves the file alone', () => {
    const text = JSON.stringify(
      {
        ...defaultWorkstationConfig,
        counter: { number: 'one' },
        site: { id: 'slaska', nmae: 'Śląska' },
      },
      null,
      2,
    );
    writeConfigText(text);

    const error = loadError();

    expect(error.file).toBe(file);
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['counter.number', 'site.nmae']);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/counter\.number: .*expected number/);
    expect(error.message).toMatch(/site\.nmae: Unknown field/);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('names the line of a JSON syntax error, and leaves the file alone', () => {
    const text = '{\n  "schemaVersion": 1,\n  "locale": "pl"\n  "site": { "id": "slaska" }\n}\n';
    writeConfigText(text);

    const error = loadError();

    expect(error.message).toContain(file);
    expect(error.message).toMatch(/line 4, column 3/);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('places a truncated file at its end', () => {
    writeConfigText('{\n  "schemaVersion": ');

    expect(loadError().message).toMatch(/line 2, column 20: Unexpected end of JSON input/);
  });

  it('accepts a file saved with a byte-order mark', () => {
    writeConfigText(`\uFEFF${JSON.stringify(defaultWorkstationConfig)}`);

    expect(loadWorkstationConfig(dataDir).config).toEqual(defaultWorkstationConfig);
  });

  it('rejects a remote central address that is not http or https', () => {
    writeConfigText(
      JSON.stringify({
        ...defaultWorkstationConfig,
        central: { mode: 'remote', url: 'ftp://okienko.um.example.pl' },
      }),
    );

    const error = loadError();

    expect(error.issues).toEqual([
      { path: 'central.url', message: 'must be an http:// or https:// address' },
    ]);
  });
});

describe('saveWorkstationConfig', () => {
  it('writes a config that loads back equal, leaving no temporary file', () => {
    const config: WorkstationConfig = {
      ...defaultWorkstationConfig,
      central: { mode: 'remote', url: 'https://okienko.um.example.pl' },
      counter: { number: 7 },
      printer: { kind: 'tcp', host: '10.0.0.5', port: 9100 },
      locale: 'en',
    };

    saveWorkstationConfig(dataDir, config);

    expect(loadWorkstationConfig(dataDir)).toEqual({ config, file, created: false });
    expect(fs.readdirSync(dataDir)).toEqual([CONFIG_FILE_NAME]);
  });

  it('refuses an invalid config and keeps the file it had', () => {
    saveWorkstationConfig(dataDir, defaultWorkstationConfig);
    const before = fs.readFileSync(file, 'utf8');
    const invalid = { ...defaultWorkstationConfig, counter: { number: 0 } };

    expect(() => saveWorkstationConfig(dataDir, invalid)).toThrow(WorkstationConfigError);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});
