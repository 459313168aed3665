import type Database from 'better-sqlite3';
import type { ManualVisit } from '../../common/contract/central/sync';
import type { Clock } from '../../main/app/clock';
import { enqueueMutation } from '../../main/sync/outbox';

/** A valid UUID (v4 shape) numbered n, so a test can say which mutation is which. */
export function mutationId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Hands out mutationId(1), mutationId(2), … */
export function sequentialIds(): () => string {
  let n = 0;
  return () => mutationId(++n);
}

/** A manual visit (served while the central server was down), numbered n. */
export function manualVisit(n: number, overrides: Partial<ManualVisit> = {}): ManualVisit {
  return {
    siteId: 'slaska',
    counterNumber: 3,
    ticketNumber: `B${String(n % 10000).padStart(3, '0')}`,
    startedAt: '2025-03-03T08:10:00.000Z',
    finishedAt: '2025-03-03T08:20:00.000Z',
    clerkLogin: 'urzednik1',
    note: `wizyta ${n}`,
    ...overrides,
  };
}

/** Records `count` manual visits, each with its outbox row in its own transaction. */
export function enqueueVisits(
  db: Database.Database,
  clock: Clock,
  newId: () => string,
  count: number,
  from = 1,
): string[] {
  const ids: string[] = [];
  for (let n = from; n < from + count; n += 1) {
    ids.push(
      db.transaction(() =>
        enqueueMutation(db, { type: 'visit.recordManual', payload: manualVisit(n) }, clock, newId),
      )(),
    );
  }
  return ids;
}
