import { afterEach, describe, expect, it } from 'vitest';
import { CENTRAL_HEALTH_PATH, centralHealthSchema } from '../../common/contract/central/health';
import { buildCentralServer } from '../buildCentralServer';
import type { CentralApp } from '../http/centralContext';

let app: CentralApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('GET /api/v1/health', () => {
  it('answers the health shape the workstations check for', async () => {
    app = await buildCentralServer({
      version: '1.2.3',
      store: { kind: 'sqlite', file: ':memory:' },
      demoData: false,
    });
    const response = await app.inject({ method: 'GET', url: CENTRAL_HEALTH_PATH });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const health = centralHealthSchema.parse(response.json());
    expect(health).toMatchObject({
      service: 'okienko-central',
      version: '1.2.3',
      store: 'sqlite',
      demoData: false,
    });
  });
});
