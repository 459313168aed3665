import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { insertDraft } from './caseDraftQueries';
import { RETENTION_INTERVAL_MS, startCaseRetention } from './caseRetention';
import { emptyCaseDraft } from '../../common/contract';
import { createManualTime, type ManualTime } from '../../test/support/manualTime';

let db: Database.Database;
let time: ManualTime;

beforeEach(() => {
  db = openDatabase(':memory:').db;
  time = createManualTime('2026-03-02T09:00:00.000Z');
});

afterEach(() => {
  db.close();
});

function draftCount(): number {
  return db.prepare('SELECT count(*) FROM case_drafts').pluck().get() as number;
}

it('runs at start and then every hour, until stopped', async () => {
  insertDraft(db, {
    id: 'old',
    clerkLogin: 'urzednik1',
    data: emptyCaseDraft(),
    at: '2026-01-01T09:00:00.000Z',
  });
  const logged: object[] = [];
  const retention = startCaseRetention({
    db,
    clock: time.clock,
    retentionDays: 30,
    logger: { info: (fields) => logged.push(fields) },
    timers: time.timers,
  });
  expect(draftCount()).toBe(0);
  expect(logged).toEqual([{ casesPurged: 0, draftsDeleted: 1, retentionDays: 30 }]);

  // Last changed 30 days and 30 minutes before the next run: deleted by it, not before.
  insertDraft(db, {
    id: 'aging',
    clerkLogin: 'urzednik1',
    data: emptyCaseDraft(),
    at: '2026-01-31T09:30:00.000Z',
  });
  expect(time.scheduled()).toEqual([RETENTION_INTERVAL_MS]);
  await time.advance(RETENTION_INTERVAL_MS - 1);
  expect(draftCount()).toBe(1);
  await time.advance(1);
  expect(draftCount()).toBe(0);

  retention.stop();
  expect(time.scheduled()).toEqual([]);
});
