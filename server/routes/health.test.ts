import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CENTRAL_HEALTH_PATH, centralHealthSchema } from '../../common/contract/central/health';
import { buildCentralServer } from '../buildCentralServer';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('GET /api/v1/health', () => {
  it('answers the health shape the workstations check for', async () => {
    app = buildCentralServer({ version: '1.2.3', store: 'postgres', demoData: false });
    const response = await app.inject({ method: 'GET', url: CENTRAL_HEALTH_PATH });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const health = centralHealthSchema.parse(response.json());
    expect(health).toMatchObject({
      service: 'okienko-central',
      version: '1.2.3',
      store: 'postgres',
      demoData: false,
    });
  });

  it('answers 404 for a route it does not have', async () => {
    app = buildCentralServer({ version: '1.2.3', store: 'sqlite', demoData: true });
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(response.statusCode).toBe(404);
  });
});
