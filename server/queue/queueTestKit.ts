import { randomUUID } from 'node:crypto';
import type { QueueChangedEvent, Ticket } from '../../common/contract/central/queue';
import type { Counter } from '../../common/contract/central/reference';
import { createPasswordHasher } from '../auth/passwordHashing';
import type { Clock } from '../clock';
import { writeReferenceChanges } from '../reference/referenceFeed';
import { seedDemoDataIfEmpty } from '../seed/seedDemoData';
import type { CentralStore } from '../store/openCentralStore';
import type { StoreDialect } from '../store/storeConfig';
import { openTestStore, TEST_SCRYPT_COST, type TestStore } from '../testing/testStores';
import type { ClerkAtCounter } from './queueDeps';
import { createQueueEngine, type QueueEngine } from './queueEngine';
import { formatTicketNumber, ticketToRow } from './ticketRows';

/** A clock a test sets to a moment (ISO, `Z`) or moves on. */
export type TestClock = Clock & { set(iso: string): void; advanceMinutes(minutes: number): void };

export function testClock(start: string): TestClock {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    set(iso) {
      now = Date.parse(iso);
    },
    advanceMinutes(minutes) {
      now += minutes * 60_000;
    },
  };
}

/** A store with the demo data, an engine on it with a hand-held clock, and what it announced. */
export type QueueTestKit = {
  test: TestStore;
  clock: TestClock;
  engine: QueueEngine;
  events: QueueChangedEvent[];
  /** The demo clerk `login` at a counter (`slaska.1`). */
  clerk(counterId: string, login?: string): ClerkAtCounter;
  /** Adds counters to the reference data (as an administrator would). */
  addCounters(counters: readonly Counter[]): Promise<void>;
  dispose(): Promise<void>;
};

export async function openQueueTestKit(
  kind: StoreDialect,
  start: string,
  options: { poolSize?: number } = {},
): Promise<QueueTestKit> {
  const test = await openTestStore(kind, options);
  const clock = testClock(start);
  await seedDemoDataIfEmpty(test.store, {
    passwords: createPasswordHasher(TEST_SCRYPT_COST),
    clock,
  });
  const events: QueueChangedEvent[] = [];
  const engine = createQueueEngine({
    store: test.store,
    clock,
    liveEvents: {
      publish: async (_type, data) => {
        events.push(data as QueueChangedEvent);
      },
    },
    logger: { error: () => undefined },
  });
  return {
    test,
    clock,
    engine,
    events,
    clerk: (counterId, login = 'urzednik1') => ({
      counterId,
      clerk: { userId: `demo-${login}`, login, displayName: login },
    }),
    async addCounters(counters) {
      await test.store.db.transaction().execute((tx) =>
        writeReferenceChanges(
          tx,
          test.store.dialect,
          counters.map((data) => ({ entity: 'counter' as const, id: data.id, data })),
          clock.now(),
        ),
      );
    },
    dispose: () => test.dispose(),
  };
}

/** The demo categories of ul. Śląska with their prefixes. */
const SLASKA_CATEGORIES = [
  ['slaska.dowody', 'A'],
  ['slaska.meldunki', 'B'],
  ['slaska.pojazdy', 'C'],
  ['slaska.prawa-jazdy', 'D'],
  ['slaska.lokale', 'E'],
  ['slaska.budownictwo', 'F'],
] as const;

/** Counter `index` (numbered from 100) at ul. Śląska serves every category, from a different one. */
export function loadTestCounter(index: number): Counter {
  const ids = SLASKA_CATEGORIES.map(([id]) => id);
  const start = index % ids.length;
  return {
    id: `slaska.c${index + 100}`,
    siteId: 'slaska',
    number: index + 100,
    name: `Stanowisko ${index + 100}`,
    categoryIds: [...ids.slice(start), ...ids.slice(0, start)],
    demo: true,
  };
}

/**
 * Puts `count` waiting kiosk tickets of `day` at ul. Śląska straight into the store (as a busy
 * morning would have left them), spread over its categories, one in ten with priority, issued
 * two seconds apart from `from`.
 */
export async function fillWaitingTickets(
  store: CentralStore,
  { count, day, from }: { count: number; day: string; from: Date },
): Promise<void> {
  const perCategory = new Map<string, number>();
  const rows = Array.from({ length: count }, (_, i) => {
    const [categoryId, prefix] = SLASKA_CATEGORIES[i % SLASKA_CATEGORIES.length]!;
    const number = (perCategory.get(categoryId) ?? 0) + 1;
    perCategory.set(categoryId, number);
    const issuedAt = new Date(from.getTime() + i * 2_000).toISOString();
    const ticket: Ticket = {
      id: randomUUID(),
      siteId: 'slaska',
      categoryId,
      number: formatTicketNumber(prefix, number),
      day,
      source: 'kiosk',
      priority: i % 10 === 0,
      appointment: null,
      issuedAt,
      queuedAt: issuedAt,
      status: 'waiting',
      counterId: null,
      targetCounterId: null,
      calledAt: null,
      lastCalledAt: null,
      recalls: 0,
      servedAt: null,
      finishedAt: null,
      services: [],
      outcome: null,
      checklist: null,
    };
    return ticketToRow(ticket, from);
  });
  for (let i = 0; i < rows.length; i += 500) {
    await store.db
      .insertInto('queue_tickets')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
