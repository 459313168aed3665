import { ensureWorkstation } from '../../server/auth/workstations';
import type { Clock } from '../../server/clock';
import { startCentralServer } from '../../server/startCentralServer';
import { openCentralStore } from '../../server/store/openCentralStore';
import { issueTicketResponseSchema, type IssuedTicket } from '../../common/contract/central/queue';
import { queuePaths } from '../../common/contract/central/paths';

/**
 * A weekday morning in the demo timetable (Tuesday 3 March 2026, 10:00 in Warsaw): the kiosk
 * issues tickets then, whatever the hour the tests run at.
 */
export const SERVICE_HOURS_START = '2026-03-03T09:00:00.000Z';

/** A clock that starts at `start` and runs at the wall clock's pace from there. */
export function runningClockFrom(start = SERVICE_HOURS_START): Clock {
  const offset = Date.parse(start) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/**
 * The real central server in this process, on a SQLite file with the demo data, its clock in
 * service hours, for the queue's integration tests: counter PCs register, clerks log in, the
 * kiosk issues tickets.
 */
export async function startQueueCentral(options: { file: string; clock?: Clock }) {
  const store = await openCentralStore({ kind: 'sqlite', file: options.file });
  let server: Awaited<ReturnType<typeof startCentralServer>>;
  try {
    server = await startCentralServer({
      host: '127.0.0.1',
      port: 0,
      version: 'queue-integration-test',
      store,
      demoData: true,
      clock: options.clock ?? runningClockFrom(),
      passwordCost: { N: 2 ** 10, r: 8, p: 1 },
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const url = server.url;
  return {
    url,
    /** Registers (or takes over) a counter PC and returns its workstation token. */
    async registerWorkstation(siteId: string, counterNumber: number): Promise<string> {
      const { token } = await ensureWorkstation(store, {
        id: `it-${siteId}-${counterNumber}`,
        siteId,
        counterNumber,
      });
      return token;
    },
    /** Logs a demo user in (password `demo`) and returns the session token. */
    async logIn(login: string): Promise<string> {
      const response = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password: 'demo' }),
      });
      if (!response.ok) throw new Error(`login ${login}: HTTP ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    /** Takes a ticket at the hall's kiosk, as a resident does. */
    async takeTicket(siteId: string, categoryId: string): Promise<IssuedTicket> {
      return takeKioskTicket(url, siteId, categoryId);
    },
    async close(): Promise<void> {
      await server.close();
      await store.close();
    },
  };
}

export type QueueCentral = Awaited<ReturnType<typeof startQueueCentral>>;

/** POSTs the kiosk's "take a ticket" (a public route) and returns the ticket, or throws why not. */
export async function takeKioskTicket(
  baseUrl: string,
  siteId: string,
  categoryId: string,
): Promise<IssuedTicket> {
  const response = await fetch(new URL(queuePaths.kioskTickets(siteId), baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ categoryId, priority: false }),
  });
  const body = issueTicketResponseSchema.parse(await response.json());
  if (body.outcome !== 'issued') {
    throw new Error(`the kiosk refused a ticket: ${body.refusal.reason}: ${body.refusal.message}`);
  }
  return body;
}
