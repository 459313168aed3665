import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  supervisorOverviewSchema,
  supervisorPaths,
  type Alert,
} from '../../common/contract/central/supervisor';
import { workstationStatusPaths } from '../../common/contract/central/workstationStatus';
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
import { statusReport } from '../workstationStatus/testing/statusReport';
import { insertOpenCounter } from './testing/openCounter';

/** 11:00 in Warsaw on Monday 2 March 2026: the site is open. */
const NOW = '2026-03-02T10:00:00.000Z';
const minutesBefore = (minutes: number) =>
  new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

describe.each(storeKinds)('the supervisor’s device alerts from the PCs’ reports, on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  const clock = manualClock(NOW);
  let pc1: { 'x-okienko-workstation': string };
  let supervisor: { authorization: string };

  beforeAll(async () => {
    test = await openTestStore(kind);
    app = await buildTestServer(test.store, { clock });
    pc1 = await workstationHeaders(test.store, 'pc-slaska-1', 'slaska', 1);
    // Counter 1 open since 10:00 with urzednik1 at it, nobody waiting.
    await insertOpenCounter(test.store.db, 'slaska.1', minutesBefore(60));
    supervisor = await loginAs(app, 'kierownik');
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  async function alerts(): Promise<Alert[]> {
    const response = await app.inject({
      method: 'GET',
      url: supervisorPaths.overview('slaska'),
      headers: supervisor,
    });
    expect(response.statusCode, response.body).toBe(200);
    return supervisorOverviewSchema.parse(response.json()).alerts;
  }

  async function report(body: ReturnType<typeof statusReport>) {
    const response = await app.inject({
      method: 'POST',
      url: workstationStatusPaths.report,
      headers: pc1,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(200);
  }

  it('raises none for a healthy counter PC', async () => {
    await report(statusReport(clock.now().toISOString()));
    expect(await alerts()).toEqual([]);
  });

  it('raises the terminal and the printer offline since the PC saw each go', async () => {
    await report(
      statusReport(clock.now().toISOString(), {
        terminal: {
          kind: 'simulator',
          connection: 'disconnected',
          terminalId: 'T-1',
          since: minutesBefore(4),
        },
        printer: { kind: 'ipp', state: 'offline', since: minutesBefore(2) },
      }),
    );
    expect((await alerts()).map((alert) => [alert.kind, alert.since, alert.counterNumber])).toEqual(
      [
        ['terminal-offline', minutesBefore(4), 1],
        ['printer-offline', minutesBefore(2), 1],
      ],
    );
  });

  it('raises payments awaiting reconciliation and a sync behind by its oldest change', async () => {
    await report(
      statusReport(clock.now().toISOString(), {
        paymentsAwaitingReconciliation: { count: 1, oldestAt: minutesBefore(15) },
        outbox: { pending: 3, failed: 0, oldestPendingSeconds: 6 * 60 },
      }),
    );
    expect((await alerts()).map((alert) => [alert.kind, alert.severity, alert.since])).toEqual([
      ['payment-needs-reconciliation', 'critical', minutesBefore(15)],
      ['sync-behind', 'warning', minutesBefore(6)],
    ]);
  });

  it('calls a PC silent over two minutes behind while its counter is open', async () => {
    const at = clock.now().toISOString();
    await report(statusReport(at));
    clock.advance(90_000);
    expect(await alerts()).toEqual([]);
    clock.advance(60_000);
    expect((await alerts()).map((alert) => [alert.kind, alert.since, alert.workstationId])).toEqual(
      [['sync-behind', at, 'pc-slaska-1']],
    );
  });
});
