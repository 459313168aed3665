import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultWorkstationConfig,
  type EnrolmentState,
  type WorkstationConfig,
} from '../../common/contract';
import { enrolmentPaths } from '../../common/contract/central/enrolment';
import { createSilentLogger } from '../logging/logger';
import { WORKSTATION_TOKEN_FILE } from '../sync/workstationTokenFile';
import { startRealCentral, type RealCentral } from '../../test/support/realCentral';
import { fileIdentityStore, IDENTITY_JSON_FILE } from './fileIdentityStore';
import { startWithEnrolment, type EnrollingWorkstation } from './startWithEnrolment';

async function adminSession(centralUrl: string): Promise<string> {
  const login = await fetch(`${centralUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'demo' }),
  });
  return ((await login.json()) as { token: string }).token;
}

async function issueCode(centralUrl: string): Promise<string> {
  const response = await fetch(`${centralUrl}${enrolmentPaths.adminEnrolments}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await adminSession(centralUrl)}`,
    },
    body: JSON.stringify({
      id: 'pc-slaska-4',
      siteId: 'slaska',
      counterNumber: 4,
      printer: { kind: 'tcp', host: '10.1.2.3', port: 9100 },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

describe('a counter PC enrolling at a remote central server', () => {
  let dir: string;
  let central: RealCentral;
  let centralUrl: string;
  const started: EnrollingWorkstation[] = [];

  const newDataDir = (name: string, config: Partial<WorkstationConfig> = {}) => {
    const dataDir = path.join(dir, name);
    fs.mkdirSync(dataDir);
    const full: WorkstationConfig = {
      ...defaultWorkstationConfig,
      central: { mode: 'remote', url: centralUrl },
      ...config,
    };
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(full));
    return dataDir;
  };
  const start = async (dataDir: string) => {
    const host = await startWithEnrolment({
      dataDir,
      host: 'browser',
      appName: 'Okienko',
      appVersion: 'test',
      logger: createSilentLogger(),
      identityStore: fileIdentityStore(dataDir),
      machineLabel: 'TEST-PC',
      openWindow: () => ({ opened: false, route: '#/counter' }),
      startEmbeddedCentral: () => Promise.reject(new Error('no embedded server here')),
      onReadiness: () => undefined,
    });
    started.push(host);
    return host;
  };
  const enrol = (host: EnrollingWorkstation, code: string) =>
    host.dispatch('enrolment:enrol', { centralUrl, code });
  const stateOf = async (host: EnrollingWorkstation) =>
    ((await host.dispatch('enrolment:state', {})) as { ok: true; value: EnrolmentState }).value;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-enrol-'));
    central = await startRealCentral({ file: path.join(dir, 'central.sqlite') });
    centralUrl = central.url();
  });
  afterEach(async () => {
    for (const host of started.splice(0)) await host.close();
    await central.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('waits for a code, refuses a wrong one, enrols with the right one and runs with the server’s settings', async () => {
    const code = await issueCode(centralUrl);
    const dataDir = newDataDir('pc');
    const host = await start(dataDir);

    expect(host.current()).toBeNull();
    expect(await stateOf(host)).toMatchObject({ phase: 'needs-enrolment', centralUrl });
    expect(await host.dispatch('auth:session', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });

    expect(await enrol(host, 'AAAA-BBBB-CCCC')).toMatchObject({
      ok: false,
      error: { code: 'enrolment-code-unknown' },
    });
    const enrolled = await enrol(host, code);
    expect(enrolled).toMatchObject({
      ok: true,
      value: { phase: 'enrolled', workstation: { id: 'pc-slaska-4', counterNumber: 4 } },
    });
    const info = await host.dispatch('app:info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { config: { counter: { number: 4 }, printer: { kind: 'tcp', host: '10.1.2.3' } } },
    });

    const identityFile = path.join(dataDir, IDENTITY_JSON_FILE);
    if (process.platform !== 'win32') expect(fs.statSync(identityFile).mode & 0o777).toBe(0o600);

    // A restart needs no code: the identity is stored.
    await host.close();
    started.splice(started.indexOf(host), 1);
    const again = await start(dataDir);
    expect(again.current()).not.toBeNull();
    expect(await stateOf(again)).toMatchObject({ phase: 'enrolled' });

    // A second PC with the same code is refused.
    const other = await start(newDataDir('other'));
    expect(await enrol(other, code)).toMatchObject({
      ok: false,
      error: { code: 'enrolment-code-used' },
    });
  });

  it('moves an old plain workstation-token file into the identity store', async () => {
    const token = await central.registerWorkstation('slaska', 2);
    const dataDir = newDataDir('old', { counter: { number: 2 } });
    fs.writeFileSync(path.join(dataDir, WORKSTATION_TOKEN_FILE), `${token}\n`);

    const host = await start(dataDir);
    expect(host.current()).not.toBeNull();
    expect(fs.existsSync(path.join(dataDir, WORKSTATION_TOKEN_FILE))).toBe(false);
    expect(fileIdentityStore(dataDir).read()).toMatchObject({
      token,
      workstation: { id: 'it-slaska-2', counterNumber: 2 },
    });
    expect(await stateOf(host)).toMatchObject({
      phase: 'enrolled',
      centralSettings: { changedSinceStart: false, problem: null },
    });
  });

  it('needs no enrolment with the embedded default', async () => {
    const dataDir = newDataDir('embedded', { central: { mode: 'embedded' } });
    const workstationToken = await central.registerWorkstation('slaska', 1);
    const host = await startWithEnrolment({
      dataDir,
      host: 'browser',
      appName: 'Okienko',
      appVersion: 'test',
      logger: createSilentLogger(),
      identityStore: fileIdentityStore(dataDir),
      openWindow: () => ({ opened: false, route: '#/counter' }),
      // The real central server stands in for the embedded one.
      startEmbeddedCentral: () =>
        Promise.resolve({ url: centralUrl, workstationToken, close: async () => {} }),
      onReadiness: () => undefined,
    });
    started.push(host);
    expect(await stateOf(host)).toMatchObject({ phase: 'not-needed' });
    expect(fs.existsSync(path.join(dataDir, IDENTITY_JSON_FILE))).toBe(false);
  });
});
