import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Counter, Site } from '../../common/contract/central/reference';
import { openDatabase } from '../db';
import { createReferenceCache } from './referenceCache';
import { applyChanges } from './referenceCacheQueries';

let db: Database.Database;
const warn = vi.fn();

beforeEach(() => {
  db = openDatabase(':memory:').db;
  warn.mockClear();
});
afterEach(() => db.close());

const focha: Site = {
  id: 'focha',
  name: 'Urząd Miejski, ul. Focha',
  address: 'ul. Focha 1, Bytom',
  hasLocker: true,
  targetWaitMinutes: 15,
  schedule: { timetables: [], exceptions: [] },
  demo: true,
};
const counter7: Counter = {
  id: 'slaska-7',
  siteId: 'slaska',
  number: 7,
  name: 'Stanowisko 7',
  categoryIds: ['b'],
  demo: true,
};

describe('createReferenceCache', () => {
  it('lists and gets what was pulled, parsed with its entity schema, without the deleted ones', () => {
    applyChanges(db, [
      { entity: 'site', id: 'focha', seq: '1', deleted: false, data: focha },
      { entity: 'counter', id: 'slaska-7', seq: '2', deleted: false, data: counter7 },
      {
        entity: 'counter',
        id: 'slaska-8',
        seq: '3',
        deleted: false,
        data: { ...counter7, id: 'slaska-8', number: 8 },
      },
      // A later change in the same page wins: the counter was deleted.
      { entity: 'counter', id: 'slaska-8', seq: '4', deleted: true, data: null },
    ]);
    const cache = createReferenceCache(db, { warn });

    expect(cache.list('site')).toEqual([focha]);
    expect(cache.list('counter')).toEqual([counter7]);
    expect(cache.list('caseType')).toEqual([]);
    expect(cache.get('counter', 'slaska-7')).toEqual(counter7);
    expect(cache.get('counter', 'slaska-8')).toBeNull();
    expect(cache.get('site', 'slaska-7')).toBeNull();
  });

  it('leaves out (and logs) a cached row that no longer fits its schema, keeping the others', () => {
    applyChanges(db, [{ entity: 'site', id: 'focha', seq: '1', deleted: false, data: focha }]);
    db.prepare(
      `INSERT INTO reference_cache (entity, id, data, seq, deleted) VALUES ('site', 'old', ?, '2', 0)`,
    ).run(JSON.stringify({ id: 'old', name: 'Stara' }));
    const cache = createReferenceCache(db, { warn });

    expect(cache.list('site')).toEqual([focha]);
    expect(cache.get('site', 'old')).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({
        entity: 'site',
        id: 'old',
        problem: expect.stringContaining('address'),
      }),
      expect.any(String),
    );
  });

  it('reads a kind through the primary key, already in order', () => {
    const detail = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT * FROM reference_cache WHERE entity = ? AND deleted = 0 ORDER BY id`,
        )
        .all('site') as { detail: string }[]
    )
      .map((row) => row.detail)
      .join('\n');
    expect(detail).toMatch(/SEARCH reference_cache USING PRIMARY KEY \(entity=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
