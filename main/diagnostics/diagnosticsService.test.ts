import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultWorkstationConfig,
  type WorkstationConfig,
} from '../../common/contract/workstationConfig';
import { diagnosticsManifestSchema } from '../../common/contract/diagnostics';
import { openDatabase } from '../db';
import { ServiceError } from '../ipc/serviceError';
import { createSilentLogger } from '../logging/logger';
import {
  KNOWN_PERSONAL_VALUES,
  SAMPLE_PERSON,
  syntheticRegistration,
} from '../../common/testing/personalSamples';
import { insertOutboxEntry } from '../sync/outboxQueries';
import { createDiagnosticsService, type DiagnosticsServiceOptions } from './diagnosticsService';

let dataDir: string;
let db: ReturnType<typeof openDatabase>['db'];

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-diagnostics-'));
  db = openDatabase(path.join(dataDir, 'okienko.sqlite')).db;
  const logs = path.join(dataDir, 'logs');
  fs.mkdirSync(logs);
  // A log written by an older version that masked nothing: the packing masks it again.
  fs.writeFileSync(
    path.join(logs, 'okienko.log'),
    [
      JSON.stringify({ level: 30, msg: 'registered', registration: syntheticRegistration() }),
      `plain line: ${SAMPLE_PERSON.email} ${SAMPLE_PERSON.pesel}`,
      JSON.stringify({ level: 30, msg: 'started', port: 8420 }),
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dataDir, 'workstation-token'), 'secret-token-of-this-pc-123456\n');
  insertOutboxEntry(db, {
    id: '7d0f1c2e-0000-4000-8000-000000000001',
    type: 'case.register',
    payload: syntheticRegistration(),
    createdAt: '2026-11-28T09:00:00.000Z',
  });
});

afterEach(() => {
  db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const remoteConfig: WorkstationConfig = {
  ...defaultWorkstationConfig,
  central: { mode: 'remote', url: 'https://admin:hunter2@okienko.um.example.pl/' },
  counter: { number: 4 },
};

function service(overrides: Partial<DiagnosticsServiceOptions> = {}) {
  return createDiagnosticsService({
    dataDir,
    db,
    config: remoteConfig,
    clock: { now: () => new Date('2026-11-28T10:00:00.000Z') },
    logger: createSilentLogger(),
    fetchFn: () => Promise.reject(new Error('no network in this test')),
    baseUrl: 'https://okienko.um.example.pl',
    workstationToken: 'secret-token-of-this-pc-123456',
    appName: 'Okienko',
    appVersion: '1.2.3',
    host: 'browser',
    schemaVersion: 11,
    ...overrides,
  });
}

describe('send diagnostics', () => {
  it('posts one zip with the manifest, masked logs, versions, config without secrets and sync counts', async () => {
    let sent: { url: string; headers: Headers; body: Uint8Array } | null = null;
    const result = await service({
      fetchFn: async (url, init) => {
        sent = {
          url: String(url),
          headers: new Headers(init?.headers),
          body: init?.body as Uint8Array,
        };
        return Response.json({
          id: '5f0e8a4c-1111-4222-8333-444455556666',
          receivedAt: '2026-11-28T10:00:01.000Z',
          sizeBytes: (init?.body as Uint8Array).length,
        });
      },
    }).send();

    expect(sent).not.toBeNull();
    const request = sent!;
    expect(request.url).toBe('https://okienko.um.example.pl/api/v1/workstation/diagnostics');
    expect(request.headers.get('content-type')).toBe('application/zip');
    expect(request.headers.get('x-okienko-workstation')).toBe('secret-token-of-this-pc-123456');
    expect(result).toEqual({
      id: '5f0e8a4c-1111-4222-8333-444455556666',
      receivedAt: '2026-11-28T10:00:01.000Z',
      sizeBytes: request.body.length,
      parts: 4,
    });

    const files = unzipSync(request.body);
    expect(Object.keys(files).sort()).toEqual([
      'config.json',
      'logs/okienko.log',
      'manifest.json',
      'sync-state.json',
      'versions.json',
    ]);
    const manifest = diagnosticsManifestSchema.parse(
      JSON.parse(strFromU8(files['manifest.json']!)),
    );
    expect(manifest).toMatchObject({ appVersion: '1.2.3', siteId: 'slaska', counterNumber: 4 });
    const everything = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    for (const value of KNOWN_PERSONAL_VALUES) expect(everything).not.toContain(value);
    expect(everything).not.toContain('secret-token-of-this-pc');
    expect(everything).not.toContain('hunter2');
    expect(strFromU8(files['logs/okienko.log']!)).toContain('"port":8420');

    const config = JSON.parse(strFromU8(files['config.json']!)) as { central: { url: string } };
    expect(config.central.url).toBe('https://okienko.um.example.pl/');
    const versions = JSON.parse(strFromU8(files['versions.json']!)) as Record<string, unknown>;
    expect(versions).toMatchObject({ appVersion: '1.2.3', databaseSchemaVersion: 11 });
    expect(versions.node).toBe(process.versions.node);
    const sync = JSON.parse(strFromU8(files['sync-state.json']!)) as { outbox: unknown[] };
    expect(sync.outbox).toEqual([
      { type: 'case.register', status: 'pending', count: 1, oldestAt: '2026-11-28T09:00:00.000Z' },
    ]);
  });

  it('keeps the zip in the data folder and says so when the central server is unreachable', async () => {
    const error = await service()
      .send()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('central-unreachable');
    const kept = fs.readdirSync(path.join(dataDir, 'diagnostics'));
    expect(kept).toHaveLength(1);
    expect((error as ServiceError).message).toContain(kept[0]);
  });

  it('previews the parts and where they go, without sending', () => {
    const preview = service().preview();
    expect(preview.destination).toBe('https://okienko.um.example.pl');
    expect(preview.parts.map((part) => part.kind)).toEqual(['log', 'versions', 'config', 'sync']);
    expect(preview.totalBytes).toBe(preview.parts.reduce((sum, part) => sum + part.sizeBytes, 0));
  });
});
