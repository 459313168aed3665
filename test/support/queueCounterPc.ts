import { vi } from 'vitest';
import type { QueuePanel } from '../../common/contract';
import { systemClock } from '../../main/app/clock';
import { openDatabase } from '../../main/db';
import { createSilentLogger } from '../../main/logging/logger';
import { createQueueClient } from '../../main/queue/queueClient';
import { createQueueService } from '../../main/queue/queueService';
import { createLiveEventsClient } from '../../main/sync/liveEventsClient';
import { createOutbox } from '../../main/sync/outbox';
import type { QueueCentral } from './queueCentral';
import { sequentialIds } from './syncFixtures';

/** Polling set to 10 minutes: only the live events can bring another counter's change. */
const NO_POLL = { live: 10 * 60_000, fallback: 10 * 60_000 };

/**
 * One counter PC's queue side, as startWorkstation wires it but without the rest: its own
 * database, the live events client, the queue service with a real HTTP client, a clerk logged
 * in. `waitFor(check)` resolves with the first published panel that passes the check.
 */
export async function startQueueCounterPc(
  central: QueueCentral,
  counterNumber: number,
  login: string,
) {
  const logger = createSilentLogger();
  const token = await central.registerWorkstation('slaska', counterNumber);
  const sessionToken = await central.logIn(login);
  const db = openDatabase(':memory:').db;
  const live = createLiveEventsClient({
    db,
    baseUrl: central.url,
    workstationToken: () => token,
    logger,
    requestPull: () => {},
  });
  const published: QueuePanel[] = [];
  const waiters = new Set<() => void>();
  const queue = createQueueService({
    db,
    clock: systemClock,
    logger,
    client: createQueueClient({
      baseUrl: central.url,
      fetchFn: fetch,
      clock: systemClock,
      workstationToken: () => token,
    }),
    siteId: 'slaska',
    counterNumber,
    session: () => ({ login, offline: false, token: sessionToken }),
    outbox: createOutbox({ db, clock: systemClock, newId: sequentialIds(), onEnqueued() {} }),
    newId: () => '11111111-1111-4111-8111-111111111111',
    publish: (panel) => {
      published.push(panel);
      for (const waiter of [...waiters]) waiter();
    },
    liveState: () => live.state(),
    pollMs: NO_POLL,
  });
  live.onEvent((event) => queue.liveEvent(event));
  queue.start();
  live.start();
  await vi.waitFor(() => {
    if (live.state() !== 'connected') throw new Error('live events not connected yet');
  }, 10_000);
  return {
    queue,
    published,
    latest: (): QueuePanel | undefined => published.at(-1),
    /** The first panel published from now on (or the latest one) that passes `check`. */
    waitFor(check: (panel: QueuePanel) => boolean): Promise<QueuePanel> {
      return new Promise((resolve) => {
        const test = () => {
          const panel = published.at(-1);
          if (panel && check(panel)) {
            waiters.delete(test);
            resolve(panel);
          }
        };
        waiters.add(test);
        test();
      });
    },
    async stop(): Promise<void> {
      await live.stop();
      await queue.stop();
      db.close();
    },
  };
}

export type QueueCounterPc = Awaited<ReturnType<typeof startQueueCounterPc>>;

/** How many wait in a category, as a panel shows it. */
export const waitingIn = (panel: QueuePanel | undefined, categoryId: string) =>
  panel?.categories.find((category) => category.categoryId === categoryId)?.waiting;
