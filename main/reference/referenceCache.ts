import type Database from 'better-sqlite3';
import { describeIssues, issuesFromZod } from '../../common/contract';
import {
  referenceEntitySchemas,
  type ReferenceEntity,
  type ReferenceEntityKind,
} from '../../common/contract/central/reference';
import {
  getCachedReference,
  listCachedReferences,
  type CachedReference,
} from './referenceCacheQueries';

export type ReferenceCacheLogger = {
  warn: (fields: Record<string, unknown>, message: string) => void;
};

/**
 * The city hall's reference data as this PC has it: read from the local mirror, so the app
 * works the same when the central server is down. Each row is checked against its entity's
 * schema on the way out; a row that no longer fits (a mirror written by an older app) is
 * left out and logged rather than handed to a service as a shape it does not expect.
 */
export function createReferenceCache(db: Database.Database, logger: ReferenceCacheLogger) {
  function parse<K extends ReferenceEntityKind>(
    kind: K,
    row: CachedReference,
  ): ReferenceEntity[K] | null {
    const parsed = referenceEntitySchemas[kind].safeParse(row.data);
    if (parsed.success) return parsed.data as ReferenceEntity[K];
    logger.warn(
      { entity: kind, id: row.id, problem: describeIssues(issuesFromZod(parsed.error)) },
      'a cached reference entity does not fit its schema; left out',
    );
    return null;
  }

  return {
    list<K extends ReferenceEntityKind>(kind: K): ReferenceEntity[K][] {
      return listCachedReferences(db, kind).flatMap((row) => {
        const entity = parse(kind, row);
        return entity ? [entity] : [];
      });
    },
    get<K extends ReferenceEntityKind>(kind: K, id: string): ReferenceEntity[K] | null {
      const row = getCachedReference(db, kind, id);
      return row ? parse(kind, row) : null;
    },
  };
}

export type ReferenceCache = ReturnType<typeof createReferenceCache>;
