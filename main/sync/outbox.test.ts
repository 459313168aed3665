import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../app/clock';
import { openDatabase } from '../db';
import { createOutbox, enqueueMutation, InvalidMutationError } from './outbox';
import { countOutbox, findOutboxEntry, nextPendingBatch } from './outboxQueries';
import { manualVisit, mutationId, sequentialIds } from '../../test/support/syncFixtures';

const clock: Clock = { now: () => new Date('2025-03-03T08:30:00.000Z') };
let db: Database.Database;

beforeEach(() => {
  db = openDatabase(':memory:').db;
  // A stand-in for a domain's own table: the local write the outbox row belongs to.
  db.exec('CREATE TABLE visits (ticket TEXT PRIMARY KEY) STRICT');
});

afterEach(() => db.close());

function visitsCount(): number {
  return db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
}

describe('enqueueMutation', () => {
  it('commits the local write and its outbox row together', () => {
    const id = db.transaction(() => {
      db.prepare("INSERT INTO visits VALUES ('B017')").run();
      return enqueueMutation(
        db,
        { type: 'visit.recordManual', payload: manualVisit(17) },
        clock,
        () => mutationId(1),
      );
    })();

    expect(id).toBe(mutationId(1));
    expect(visitsCount()).toBe(1);
    const entry = findOutboxEntry(db, id);
    expect(entry).toMatchObject({
      id,
      type: 'visit.recordManual',
      payload: manualVisit(17),
      createdAt: '2025-03-03T08:30:00.000Z',
      status: 'pending',
      attempts: 0,
      lastError: null,
    });
  });

  it('leaves neither the local write nor the outbox row when the transaction throws after both', () => {
    expect(() =>
      db.transaction(() => {
        db.prepare("INSERT INTO visits VALUES ('B017')").run();
        enqueueMutation(db, { type: 'visit.recordManual', payload: manualVisit(17) }, clock, () =>
          mutationId(1),
        );
        throw new Error('the printer jammed');
      })(),
    ).toThrow('the printer jammed');

    expect(visitsCount()).toBe(0);
    expect(countOutbox(db)).toEqual({ pending: 0, failed: 0 });
  });

  it('refuses a payload that breaks its schema, naming the field, and rolls back the local write', () => {
    let thrown: unknown;
    try {
      db.transaction(() => {
        db.prepare("INSERT INTO visits VALUES ('B017')").run();
        enqueueMutation(
          db,
          {
            type: 'visit.recordManual',
            payload: { ...manualVisit(17), ticketNumber: 'b-17', extra: true },
          },
          clock,
          () => mutationId(1),
        );
      })();
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(InvalidMutationError);
    expect((thrown as Error).message).toContain('ticketNumber');
    expect((thrown as Error).message).toContain('extra');
    expect(visitsCount()).toBe(0);
    expect(countOutbox(db)).toEqual({ pending: 0, failed: 0 });
  });

  it('refuses to run outside a transaction, so no caller can split the write from its row', () => {
    expect(() =>
      enqueueMutation(db, { type: 'visit.recordManual', payload: manualVisit(1) }, clock, () =>
        mutationId(1),
      ),
    ).toThrow(/inside the transaction/);
    expect(countOutbox(db)).toEqual({ pending: 0, failed: 0 });
  });

  it('keeps the order the changes were made in', () => {
    const newId = sequentialIds();
    for (const n of [5, 3, 9]) {
      db.transaction(() =>
        enqueueMutation(db, { type: 'visit.recordManual', payload: manualVisit(n) }, clock, newId),
      )();
    }
    expect(nextPendingBatch(db, 10).map((entry) => entry.payload)).toEqual([
      manualVisit(5),
      manualVisit(3),
      manualVisit(9),
    ]);
  });
});

describe('createOutbox', () => {
  it('tells the sync engine of each change, and only after a valid one', () => {
    const onEnqueued = vi.fn();
    const outbox = createOutbox({ db, clock, newId: sequentialIds(), onEnqueued });

    db.transaction(() => outbox.enqueue({ type: 'visit.recordManual', payload: manualVisit(1) }))();
    expect(onEnqueued).toHaveBeenCalledOnce();

    expect(() =>
      db.transaction(() =>
        outbox.enqueue({ type: 'visit.recordManual', payload: { ticketNumber: 7 } }),
      )(),
    ).toThrow(InvalidMutationError);
    expect(onEnqueued).toHaveBeenCalledOnce();
  });
});

describe('the outbox queries', () => {
  function plan(sql: string, ...params: unknown[]): string {
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
  }

  it('find the next batch through the status index, already in order (no sort)', () => {
    const detail = plan(
      `SELECT * FROM outbox WHERE status = 'pending' ORDER BY local_seq LIMIT ?`,
      500,
    );
    expect(detail).toMatch(/SEARCH outbox USING INDEX outbox_by_status \(status=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('find one mutation by its id through the unique index', () => {
    expect(plan('SELECT * FROM outbox WHERE mutation_id = ?', mutationId(1))).toMatch(
      /SEARCH outbox USING INDEX sqlite_autoindex_outbox_1 \(mutation_id=\?\)/,
    );
  });

  it('count by status without reading the table', () => {
    expect(plan('SELECT status, count(*) AS n FROM outbox GROUP BY status')).toMatch(
      /USING COVERING INDEX outbox_by_status/,
    );
  });
});
