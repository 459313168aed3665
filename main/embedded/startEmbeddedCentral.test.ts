import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../common/contract/central/auth';
import { centralHealthSchema } from '../../common/contract/central/health';
import { createSilentLogger } from '../logging/logger';
import { EMBEDDED_CENTRAL_FILE_NAME, embeddedCentralStarter } from './startEmbeddedCentral';

describe('the embedded central server', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'okienko-embedded-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    embeddedCentralStarter('9.9.9')({
      dataDir,
      logger: createSilentLogger(),
      site: { id: 'waszyngtona' },
      counter: { number: 3 },
    });
  const session = (url: string, token: string) =>
    fetch(`${url}/api/v1/auth/session`, { headers: { 'x-okienko-workstation': token } });

  it('serves the demo data from <dataDir>/central.sqlite and registers this PC, the same id across restarts', async () => {
    const first = await start();
    let firstToken: string;
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(existsSync(path.join(dataDir, EMBEDDED_CENTRAL_FILE_NAME))).toBe(true);
      const health = centralHealthSchema.parse(
        await (await fetch(`${first.url}/api/v1/health`)).json(),
      );
      expect(health).toMatchObject({ store: 'sqlite', demoData: true, version: '9.9.9' });
      const response = await session(first.url, first.workstationToken);
      expect(response.status).toBe(200);
      expect(sessionResponseSchema.parse(await response.json()).workstation).toEqual({
        id: 'embedded-waszyngtona-3',
        siteId: 'waszyngtona',
        counterNumber: 3,
      });
      firstToken = first.workstationToken;
    } finally {
      await first.close();
    }

    const second = await start();
    try {
      expect(second.workstationToken).not.toBe(firstToken);
      const fresh = await session(second.url, second.workstationToken);
      expect(sessionResponseSchema.parse(await fresh.json()).workstation?.id).toBe(
        'embedded-waszyngtona-3',
      );
      expect((await session(second.url, firstToken)).status).toBe(401);
    } finally {
      await second.close();
    }
  });
});
