import type Database from 'better-sqlite3';
import { describeIssues, issuesFromZod } from '../../common/contract';
import { mutationPayloadSchemas, type MutationType } from '../../common/contract/central/sync';
import type { Clock } from '../app/clock';
import { insertOutboxEntry } from './outboxQueries';

/** A local change that must reach the central server, as a domain service describes it. */
export type MutationInput<T extends MutationType = MutationType> = {
  type: T;
  payload: unknown;
};

/** Makes the mutation's id (a UUID); injected so tests can name their mutations. */
export type NewId = () => string;

/** A payload that breaks its mutation type's schema: nothing was written. */
export class InvalidMutationError extends Error {
  override readonly name = 'InvalidMutationError';
}

/**
 * Puts a change in the outbox. Call it INSIDE the transaction that makes the local write the
 * change describes (`db.transaction(() => { writeLocally(); enqueueMutation(...) })()`): both
 * commit together or neither does, so the PC never holds a local change the server will not
 * hear of, nor tells the server of a change it did not keep. Outside a transaction it throws.
 *
 * The payload is checked against `mutationPayloadSchemas[type]` first; a bad one throws
 * InvalidMutationError naming each bad field, which also rolls back the caller's write.
 * Returns the mutation's id.
 */
export function enqueueMutation<T extends MutationType>(
  db: Database.Database,
  mutation: MutationInput<T>,
  clock: Clock,
  newId: NewId,
): string {
  if (!db.inTransaction) {
    throw new Error(
      'enqueueMutation must run inside the transaction of the local write it belongs to (db.transaction(...)).',
    );
  }
  const schema = mutationPayloadSchemas[mutation.type];
  if (!schema) throw new InvalidMutationError(`Unknown mutation type "${String(mutation.type)}".`);
  const parsed = schema.safeParse(mutation.payload);
  if (!parsed.success) {
    throw new InvalidMutationError(
      `Invalid ${mutation.type} payload: ${describeIssues(issuesFromZod(parsed.error))}`,
    );
  }
  const id = newId();
  insertOutboxEntry(db, {
    id,
    type: mutation.type,
    payload: parsed.data,
    createdAt: clock.now().toISOString(),
  });
  return id;
}

/**
 * The outbox as services use it: `enqueue` inside their transaction, and the sync engine hears
 * of it (debounced, after the commit) to push soon.
 */
export function createOutbox(options: {
  db: Database.Database;
  clock: Clock;
  newId: NewId;
  onEnqueued: () => void;
}) {
  return {
    enqueue<T extends MutationType>(mutation: MutationInput<T>): string {
      const id = enqueueMutation(options.db, mutation, options.clock, options.newId);
      // The engine only schedules here; it reads the outbox after this transaction committed.
      options.onEnqueued();
      return id;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
