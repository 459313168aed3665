import type Database from 'better-sqlite3';
import type { Change } from '../../common/contract/central/sync';
import type { ReferenceEntityKind } from '../../common/contract/central/reference';

/** The mirror of the central reference data as SQLite stores it (migration 002). */
export type ReferenceCacheRow = {
  entity: string;
  id: string;
  data: string | null;
  seq: string;
  deleted: 0 | 1;
};

/** A live (not deleted) cached entity, its data still as the unchecked JSON value. */
export type CachedReference = {
  entity: string;
  id: string;
  seq: string;
  data: unknown;
};

export function rowToCachedReference(row: ReferenceCacheRow): CachedReference {
  return {
    entity: row.entity,
    id: row.id,
    seq: row.seq,
    data: row.data === null ? null : (JSON.parse(row.data) as unknown),
  };
}

/**
 * Writes pulled changes into the mirror, in order: the newest version of each entity, or a
 * tombstone. The caller runs it in the transaction that also moves the pull cursor past them.
 */
export function applyChanges(db: Database.Database, changes: readonly Change[]): void {
  const upsert = db.prepare(
    `INSERT INTO reference_cache (entity, id, data, seq, deleted) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity, id) DO UPDATE SET
       data = excluded.data, seq = excluded.seq, deleted = excluded.deleted`,
  );
  for (const change of changes) {
    const gone = change.deleted || change.data === null;
    upsert.run(
      change.entity,
      change.id,
      gone ? null : JSON.stringify(change.data),
      change.seq,
      gone ? 1 : 0,
    );
  }
}

export function listCachedReferences(
  db: Database.Database,
  entity: ReferenceEntityKind,
): CachedReference[] {
  const rows = db
    .prepare(`SELECT * FROM reference_cache WHERE entity = ? AND deleted = 0 ORDER BY id`)
    .all(entity) as ReferenceCacheRow[];
  return rows.map(rowToCachedReference);
}

export function getCachedReference(
  db: Database.Database,
  entity: ReferenceEntityKind,
  id: string,
): CachedReference | null {
  const row = db
    .prepare(`SELECT * FROM reference_cache WHERE entity = ? AND id = ? AND deleted = 0`)
    .get(entity, id) as ReferenceCacheRow | undefined;
  return row ? rowToCachedReference(row) : null;
}
