import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS_PATH } from '../../common/contract/central/liveEvents';
import type { CentralApp } from '../http/centralContext';
import { buildTestServer, openTestStore, type TestStore } from '../testing/testStores';

describe('GET /api/v1/openapi.json', () => {
  let test: TestStore;
  let app: CentralApp;
  const routes: { method: string; url: string }[] = [];

  beforeAll(async () => {
    test = await openTestStore('sqlite');
    app = await buildTestServer(test.store, { demoData: false });
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  it('describes every route the server has, with its request and response schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { responses?: Record<string, unknown>; requestBody?: unknown }>
      >;
    };
    expect(document.openapi).toMatch(/^3\./);

    // The server's own routing table, as Fastify prints it, against the document's paths.
    for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /(\/api\/v1\/\S+) \(([A-Z, ]+)\)/.exec(line.replace(/^[\s│├└─]+/, ''));
      if (!match?.[1] || !match[2]) continue;
      // OpenAPI 3 has no WebSocket operations (and @fastify/websocket hides them from the
      // document); the live events socket is described in docs/live-events.md instead.
      if (match[1] === LIVE_EVENTS_PATH) continue;
      for (const method of match[2].split(', ')) {
        if (method !== 'HEAD') routes.push({ method, url: match[1] });
      }
    }
    expect(routes.length).toBeGreaterThanOrEqual(24);
    for (const { method, url } of routes) {
      const path = url.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[method.toLowerCase()];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(Object.keys(operation?.responses ?? {}), `${method} ${path}`).not.toHaveLength(0);
    }
    const push = document.paths['/api/v1/sync/push']?.post;
    expect(JSON.stringify(push?.requestBody)).toContain('mutations');
  });
});
