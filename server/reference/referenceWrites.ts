import type { FastifyBaseLogger } from 'fastify';
import type { ReferenceEntity, ReferenceEntityKind } from '../../common/contract/central/reference';
import type { Clock } from '../clock';
import type { LiveEventPublisher } from '../events/liveEventPublisher';
import { conflict, invalidRequest, notFound } from '../http/apiHttpError';
import type { CentralStore } from '../store/openCentralStore';
import {
  isLiveReferenceEntity,
  lockReferenceFeed,
  writeReferenceChanges,
  type ReferenceWrite,
  type WrittenChange,
} from './referenceFeed';
import { dependentsOf, missingReferences } from './referenceIntegrity';

export type ReferenceWriteContext = {
  store: CentralStore;
  clock: Clock;
  liveEvents: LiveEventPublisher;
  log: FastifyBaseLogger;
};

/**
 * Tells connected clients about committed changes. The change is in the feed already, and a
 * client that misses the event finds it on its next pull, so a failing publisher is logged,
 * not passed on to the admin whose write succeeded.
 */
export async function announceReferenceChanges(
  context: Pick<ReferenceWriteContext, 'liveEvents' | 'log'>,
  changes: readonly WrittenChange[],
): Promise<void> {
  for (const { entity, id, seq } of changes) {
    try {
      await context.liveEvents.publish('reference.changed', { entity, id, seq });
    } catch (error) {
      context.log.error({ err: error, entity, id, seq }, 'could not publish reference.changed');
    }
  }
}

/**
 * Runs one feed write: the check reads the store after the feed writers' lock is taken, so
 * what it sees cannot change before the write commits (a concurrent delete of what a new
 * counter points at, say). A check that throws rolls everything back.
 */
async function writeOne(
  context: ReferenceWriteContext,
  write: ReferenceWrite,
  check: (tx: CentralStore['db']) => Promise<void>,
): Promise<WrittenChange> {
  const { store, clock } = context;
  const [change] = await store.db.transaction().execute(async (tx) => {
    await lockReferenceFeed(tx);
    await check(tx);
    return writeReferenceChanges(tx, store.dialect, [write], clock.now());
  });
  if (!change) throw new Error('The feed write returned no change.');
  await announceReferenceChanges(context, [change]);
  return change;
}

/** Creates or replaces one entity (already validated by its schema). */
export async function putReferenceEntity<K extends ReferenceEntityKind>(
  context: ReferenceWriteContext,
  entity: K,
  id: string,
  data: ReferenceEntity[K],
): Promise<WrittenChange> {
  if (data.id !== id) {
    throw invalidRequest('The id in the body differs from the id in the path.', [
      { path: 'id', message: `must be "${id}", the id in the path` },
    ]);
  }
  return writeOne(context, { entity, id, data } as ReferenceWrite, async (tx) => {
    const issues = await missingReferences(tx, entity, data);
    if (issues.length > 0) {
      throw invalidRequest('The entity points at entities that do not exist.', issues);
    }
  });
}

/**
 * Deletes one entity: its row stays as a tombstone at a new feed position, so every counter
 * PC learns of the deletion on its next pull. Refused while other entities still point at it.
 */
export async function deleteReferenceEntity(
  context: ReferenceWriteContext,
  entity: ReferenceEntityKind,
  id: string,
): Promise<WrittenChange> {
  return writeOne(context, { entity, id, data: null } as ReferenceWrite, async (tx) => {
    if (!(await isLiveReferenceEntity(tx, entity, id))) {
      throw notFound(`No ${entity} "${id}" exists.`);
    }
    const dependents = await dependentsOf(tx, entity, id);
    if (dependents.length > 0) {
      throw conflict(
        `The ${entity} "${id}" is still used by ${dependents.slice(0, 10).join(', ')}${
          dependents.length > 10 ? ` and ${dependents.length - 10} more` : ''
        }: change or delete those first.`,
      );
    }
  });
}
