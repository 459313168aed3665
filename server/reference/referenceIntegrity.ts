import type { Kysely } from 'kysely';
import type { ReferenceEntity, ReferenceEntityKind } from '../../common/contract/central/reference';
import type { PayloadIssue } from '../../common/contract/ipcError';
import type { CentralDatabase } from '../store/centralDatabase';
import { listReferenceEntities, liveReferenceIds } from './referenceFeed';

/** One reference from an entity to another: where it sits in the document and what it names. */
type EntityReference = { path: string; entity: ReferenceEntityKind; id: string };

/** What an entity points at. A counter PC resolves these from its cache, so they must exist. */
export function referencesOf<K extends ReferenceEntityKind>(
  kind: K,
  data: ReferenceEntity[K],
): EntityReference[] {
  switch (kind) {
    case 'category': {
      const category = data as ReferenceEntity['category'];
      return [
        { path: 'siteId', entity: 'site', id: category.siteId },
        { path: 'departmentId', entity: 'department', id: category.departmentId },
      ];
    }
    case 'counter': {
      const counter = data as ReferenceEntity['counter'];
      return [
        { path: 'siteId', entity: 'site', id: counter.siteId },
        ...counter.categoryIds.map((id, index) => ({
          path: `categoryIds[${index}]`,
          entity: 'category' as const,
          id,
        })),
      ];
    }
    case 'caseType': {
      const caseType = data as ReferenceEntity['caseType'];
      return [
        { path: 'departmentId', entity: 'department', id: caseType.departmentId },
        ...caseType.categoryIds.map((id, index) => ({
          path: `categoryIds[${index}]`,
          entity: 'category' as const,
          id,
        })),
      ];
    }
    default:
      return [];
  }
}

/** The entity kinds that may point at a kind, for the check before a delete. */
const dependentKinds: Record<ReferenceEntityKind, ReferenceEntityKind[]> = {
  site: ['category', 'counter'],
  department: ['category', 'caseType'],
  category: ['counter', 'caseType'],
  counter: [],
  caseType: [],
};

/** Issues for each reference to an entity that does not exist (or was deleted). */
export async function missingReferences<K extends ReferenceEntityKind>(
  db: Kysely<CentralDatabase>,
  kind: K,
  data: ReferenceEntity[K],
): Promise<PayloadIssue[]> {
  const references = referencesOf(kind, data);
  const issues: PayloadIssue[] = [];
  const kinds = [...new Set(references.map((reference) => reference.entity))];
  for (const entity of kinds) {
    const wanted = references.filter((reference) => reference.entity === entity);
    const live = await liveReferenceIds(
      db,
      entity,
      wanted.map((reference) => reference.id),
    );
    for (const reference of wanted) {
      if (!live.has(reference.id)) {
        issues.push({ path: reference.path, message: `No ${entity} "${reference.id}" exists.` });
      }
    }
  }
  return issues;
}

/** The live entities that still point at this one, as `kind id` for a message. */
export async function dependentsOf(
  db: Kysely<CentralDatabase>,
  kind: ReferenceEntityKind,
  id: string,
): Promise<string[]> {
  const dependents: string[] = [];
  for (const dependentKind of dependentKinds[kind]) {
    for (const entity of await listReferenceEntities(db, dependentKind)) {
      const pointsHere = referencesOf(dependentKind, entity).some(
        (reference) => reference.entity === kind && reference.id === id,
      );
      if (pointsHere) dependents.push(`${dependentKind} ${entity.id}`);
    }
  }
  return dependents;
}
