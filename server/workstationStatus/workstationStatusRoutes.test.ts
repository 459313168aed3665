import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../common/contract/central/liveEvents';
import {
  workstationsHealthSchema,
  workstationStatusEventSchema,
  workstationStatusPaths,
  type WorkstationsHealth,
} from '../../common/contract/central/workstationStatus';
import type { CentralApp } from '../http/centralContext';
import {
  buildTestServer,
  loginAs,
  manualClock,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';
import { statusReport } from './testing/statusReport';

const NOW = '2026-03-02T10:00:00.000Z';

describe.each(storeKinds)('the workstations’ status reports and health page, on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  const clock = manualClock(NOW);
  const published: LiveEvent[] = [];
  let pc1: { 'x-okienko-workstation': string };
  let admin: { authorization: string };

  beforeAll(async () => {
    test = await openTestStore(kind);
    app = await buildTestServer(test.store, {
      clock,
      version: '2.0.0',
      liveEventsObserver: {
        publish: async (type, data) => {
          published.push({ id: '0', type, at: NOW, data });
        },
      },
    });
    pc1 = await workstationHeaders(test.store, 'pc-slaska-1', 'slaska', 1);
    await workstationHeaders(test.store, 'pc-slaska-2', 'slaska', 2);
    admin = await loginAs(app, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  const report = (body: object, headers: Record<string, string> = pc1) =>
    app.inject({ method: 'POST', url: workstationStatusPaths.report, headers, payload: body });

  async function health(headers: Record<string, string> = admin): Promise<WorkstationsHealth> {
    const response = await app.inject({
      method: 'GET',
      url: workstationStatusPaths.health,
      headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return workstationsHealthSchema.parse(response.json());
  }
  const statusEvents = () => published.filter((event) => event.type === 'workstation.status');

  it('lists every registered PC, one that never reported as never seen', async () => {
    const answer = await health();
    expect(answer.serverVersion).toBe('2.0.0');
    const ids = answer.workstations.map((row) => row.workstationId);
    expect(ids.indexOf('pc-slaska-1')).toBeLessThan(ids.indexOf('pc-slaska-2'));
    expect(answer.workstations.find((row) => row.workstationId === 'pc-slaska-2')).toMatchObject({
      counterNumber: 2,
      lastSeenAt: null,
      report: null,
      problems: ['never-seen'],
    });
  });

  it('keeps the latest report with its arrival as last seen, and announces device changes only', async () => {
    const first = await report(statusReport(NOW));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ receivedAt: NOW });
    expect(statusEvents()).toHaveLength(1);
    expect(workstationStatusEventSchema.parse(statusEvents()[0]!.data)).toEqual({
      workstationId: 'pc-slaska-1',
      siteId: 'slaska',
      counterNumber: 1,
    });

    clock.advance(30_000);
    const busyAt = clock.now().toISOString();
    // Busy is still up, and the outbox moved: no device changed.
    const busy = statusReport(busyAt, {
      terminal: { kind: 'simulator', connection: 'busy', terminalId: 'T-1', since: busyAt },
      outbox: { pending: 2, failed: 0, oldestPendingSeconds: 4 },
    });
    expect((await report(busy)).statusCode).toBe(200);
    expect(statusEvents()).toHaveLength(1);

    clock.advance(30_000);
    const offAt = clock.now().toISOString();
    const unplugged = statusReport(offAt, {
      terminal: { kind: 'simulator', connection: 'disconnected', terminalId: 'T-1', since: offAt },
      printer: { kind: 'ipp', state: 'offline', since: busyAt },
    });
    expect((await report(unplugged)).statusCode).toBe(200);
    expect(statusEvents()).toHaveLength(2);

    const row = (await health()).workstations.find(
      (entry) => entry.workstationId === 'pc-slaska-1',
    );
    expect(row).toMatchObject({
      lastSeenAt: offAt,
      notSeenSeconds: 0,
      report: {
        appVersion: '1.4.2',
        terminal: { connection: 'disconnected', since: offAt },
        printer: { state: 'offline', since: busyAt },
      },
      problems: ['terminal-offline', 'printer-offline'],
    });
  });

  it('says how long a silent PC has not been seen, and flags its sync behind', async () => {
    const at = clock.now().toISOString();
    await report(
      statusReport(at, {
        outbox: { pending: 7, failed: 1, oldestPendingSeconds: 600 },
        paymentsAwaitingReconciliation: { count: 2, oldestAt: at },
      }),
    );
    clock.advance(3 * 60_000);
    const row = (await health()).workstations.find(
      (entry) => entry.workstationId === 'pc-slaska-1',
    );
    expect(row).toMatchObject({ lastSeenAt: at, notSeenSeconds: 180 });
    expect(row!.problems).toEqual([
      'not-seen',
      'sync-behind',
      'outbox-failed',
      'payments-to-reconcile',
    ]);
  });

  it('takes the logged-in clerk from the session over what the report says', async () => {
    const clerk = await loginAs(app, 'urzednik1');
    const at = clock.now().toISOString();
    const response = await report(statusReport(at, { clerkLogin: 'someone-else' }), {
      ...pc1,
      ...clerk,
    });
    expect(response.statusCode, response.body).toBe(200);
    const row = (await health()).workstations.find(
      (entry) => entry.workstationId === 'pc-slaska-1',
    );
    expect(row?.report?.clerkLogin).toBe('urzednik1');
  });

  it('refuses a report without a workstation token, and a malformed one', async () => {
    const clerk = await loginAs(app, 'urzednik1');
    expect((await report(statusReport(NOW), clerk)).statusCode).toBe(403);
    expect((await report(statusReport(NOW), {})).statusCode).toBe(401);
    expect((await report({ ...statusReport(NOW), pesel: '44051401458' })).statusCode).toBe(400);
  });

  it('shows the health page to admins and to a supervisor for their site only', async () => {
    const clerk = await loginAs(app, 'urzednik1');
    const refused = await app.inject({
      method: 'GET',
      url: workstationStatusPaths.health,
      headers: clerk,
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: workstationStatusPaths.health })).statusCode,
    ).toBe(401);
    const supervisor = await health(await loginAs(app, 'kierownik'));
    expect(supervisor.workstations.length).toBeGreaterThan(0);
    expect(supervisor.workstations.every((row) => row.siteId === 'slaska')).toBe(true);
  });
});
