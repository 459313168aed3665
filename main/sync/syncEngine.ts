import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FailedMutation, LiveConnectionState, SyncStatus } from '../../common/contract';
import {
  PUSH_BATCH_LIMIT,
  type Mutation,
  type MutationResult,
  type MutationType,
} from '../../common/contract/central/sync';
import type { Clock } from '../app/clock';
import { applyChanges } from '../reference/referenceCacheQueries';
import type { CentralFailure, CentralSyncClient } from './centralClient';
import {
  countOutbox,
  deleteOutboxEntries,
  discardFailed,
  findOutboxEntry,
  listFailed,
  markFailed,
  nextPendingBatch,
  recordAttempt,
  requeueFailed,
  type OutboxEntry,
} from './outboxQueries';
import {
  readSyncState,
  recordPulledPage,
  recordPush,
  recordSyncError,
  startNewFeed,
} from './syncStateQueries';
import { backoffDelay, systemTimers, type Backoff, type SyncTimers } from './syncTimers';

export type SyncLogger = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
};

/**
 * What a domain does when the server has applied one of its mutations (e.g. keep the case
 * number the server gave): runs in the transaction that takes the mutation out of the outbox.
 */
export type AppliedHandler = (
  db: Database.Database,
  entry: OutboxEntry,
  result: Record<string, unknown>,
) => void;

/**
 * What a domain does when the server has refused one of its mutations for good (e.g. mark the
 * case rejected, with the reason): runs in the transaction that marks the mutation failed.
 */
export type RejectedHandler = (db: Database.Database, entry: OutboxEntry, reason: string) => void;

export type SyncEngineOptions = {
  db: Database.Database;
  client: CentralSyncClient;
  clock: Clock;
  logger: SyncLogger;
  /** Each status that differs from the last one published (the windows' status bar). */
  publish: (status: SyncStatus) => void;
  timers?: SyncTimers;
  /** For the backoff's jitter; tests pass a constant. */
  random?: () => number;
  pushBatchLimit?: number;
  pullPageLimit?: number;
  /** How often to sync while all is well. */
  intervalMs?: number;
  /** How soon after a local change its push starts (changes made meanwhile go with it). */
  debounceMs?: number;
  backoff?: Backoff;
  appliedHandlers?: Partial<Record<MutationType, AppliedHandler>>;
  rejectedHandlers?: Partial<Record<MutationType, RejectedHandler>>;
  /** Makes the new id of a failed mutation sent again. */
  newId?: () => string;
  /** The live events connection's state, shown in the status (default: 'off'). */
  liveState?: () => LiveConnectionState;
  /**
   * Told after a pull took a feed the cursors did not come from (the first one, or the server's
   * store was replaced) and started over: the live events cursor was cleared with the mirror.
   */
  onFeedReplaced?: () => void;
};

type PhaseOutcome =
  | { ok: true }
  | { ok: false; failure: CentralFailure; unsent?: readonly string[] }
  | { ok: false; stopped: true };

const OK: PhaseOutcome = { ok: true };
const STOPPED: PhaseOutcome = { ok: false, stopped: true };

/**
 * Keeps this PC and the central server in step (docs/sync-api.md):
 *
 * - push: drains the outbox oldest first, in batches. A mutation leaves the outbox only once the
 *   server has answered for it (applied → deleted; rejected → kept as `failed`, with the server's
 *   reason, until a person retries or discards it). If the PC dies between the server applying a
 *   batch and the PC recording it, the same mutation ids are sent again on the next round and the
 *   server, which applies each id at most once, answers the same: nothing is applied twice.
 * - pull: fetches reference changes after the cursor, page by page; each page and the cursor that
 *   follows it are written in one transaction, so a crash never skips or half-applies a page.
 *
 * A round runs at start, soon after each local change, periodically, when the central server is
 * reachable again, and on demand. While the server is unreachable it waits longer after each
 * failure (exponential backoff with jitter).
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { db, client, clock, logger } = options;
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const pushBatchLimit = options.pushBatchLimit ?? PUSH_BATCH_LIMIT;
  const pullPageLimit = options.pullPageLimit ?? 1000;
  const intervalMs = options.intervalMs ?? 30_000;
  const debounceMs = options.debounceMs ?? 250;
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 5 * 60_000 };
  const newId = options.newId ?? randomUUID;

  let online: boolean | null = null;
  let failures = 0;
  let started = false;
  let stopped = false;
  let abort = new AbortController();
  let nextRound: unknown = null;
  let debounce: unknown = null;
  let inFlight: Promise<void> | null = null;
  let rerun = false;
  /** How long to wait after the last failed round (0 after a good one). */
  let retryDelay = 0;
  let lastPublished = '';
  let statusQueued = false;

  function status(): SyncStatus {
    const counts = countOutbox(db);
    const state = readSyncState(db);
    return {
      online,
      pending: counts.pending,
      failed: counts.failed,
      lastPushAt: state.lastPushAt,
      lastPullAt: state.lastPullAt,
      lastError: state.lastError,
      live: options.liveState?.() ?? 'off',
    };
  }

  function publishIfChanged(): void {
    if (!db.open) return;
    const current = status();
    const key = JSON.stringify(current);
    if (key === lastPublished) return;
    lastPublished = key;
    options.publish(current);
  }

  /** After the caller's transaction has committed (or rolled back), never inside it. */
  function publishSoon(): void {
    if (statusQueued) return;
    statusQueued = true;
    queueMicrotask(() => {
      statusQueued = false;
      publishIfChanged();
    });
  }

  function now(): string {
    return clock.now().toISOString();
  }

  // ---- push -----------------------------------------------------------------------------------

  /** Keeps a refused mutation as failed and tells its domain; inside the caller's transaction. */
  function fail(entry: OutboxEntry, reason: string): void {
    markFailed(db, entry.id, reason);
    options.rejectedHandlers?.[entry.type as MutationType]?.(db, entry, reason);
  }

  async function pushAll(): Promise<PhaseOutcome> {
    let limit = pushBatchLimit;
    for (;;) {
      if (stopped) return STOPPED;
      const batch = nextPendingBatch(db, limit);
      if (batch.length === 0) return OK;
      const answer = await client.push(batch.map(toMutation), abort.signal);
      if (stopped) return STOPPED;
      if (!answer.ok) {
        const { failure } = answer;
        if (failure.kind === 'rejected' && isAboutThePayload(failure)) {
          // The server refused the batch as a whole: halve it until the mutation it refuses is
          // alone, then that one is failed with the server's reason and the rest go on.
          const [only] = batch;
          if (batch.length === 1 && only) {
            db.transaction(() => fail(only, describeRejection(failure)))();
            logger.warn(
              { mutationId: only.id, type: only.type, status: failure.status, code: failure.code },
              'the central server refused a mutation; kept as failed',
            );
            publishIfChanged();
            limit = pushBatchLimit;
          } else {
            limit = Math.ceil(batch.length / 2);
          }
          continue;
        }
        return { ok: false, failure, unsent: batch.map((entry) => entry.id) };
      }
      const unanswered = recordPushResults(batch, answer.value.results);
      online = true;
      publishIfChanged();
      if (unanswered > 0) {
        return {
          ok: false,
          failure: {
            kind: 'unreachable',
            status: null,
            message: `the central server did not answer for ${unanswered} of ${batch.length} mutations; they will be sent again`,
          },
        };
      }
      limit = pushBatchLimit;
    }
  }

  /** Records the server's answer for a batch, all of it in one transaction; counts the missing. */
  function recordPushResults(
    batch: readonly OutboxEntry[],
    results: readonly MutationResult[],
  ): number {
    const byId = new Map(results.map((result) => [result.id, result]));
    let unanswered = 0;
    db.transaction(() => {
      const answered: string[] = [];
      for (const entry of batch) {
        const result = byId.get(entry.id);
        if (!result) {
          unanswered += 1;
          continue;
        }
        if (result.status === 'applied') {
          options.appliedHandlers?.[entry.type as MutationType]?.(db, entry, result.result);
          answered.push(entry.id);
        } else {
          fail(entry, result.reason);
          logger.warn(
            { mutationId: entry.id, type: entry.type, reason: result.reason },
            'the central server rejected a mutation; kept as failed',
          );
        }
      }
      deleteOutboxEntries(db, answered);
      recordPush(db, now());
    })();
    return unanswered;
  }

  // ---- pull -----------------------------------------------------------------------------------

  async function pullAll(): Promise<PhaseOutcome> {
    const state = readSyncState(db);
    let after = state.pullCursor;
    let feedId = state.feedId;
    let startedOver = false;
    for (;;) {
      if (stopped) return STOPPED;
      const answer = await client.pull({ after, limit: pullPageLimit }, abort.signal);
      if (stopped) return STOPPED;
      if (!answer.ok) return answer;
      const page = answer.value;
      const newFeed = page.feedId !== feedId;
      if (newFeed && after !== '0') {
        // The cursor is a position on another feed (the server's store was replaced, or this PC
        // pulled before feeds had ids): the page after it means nothing. Start over from 0; the
        // mirror stays as it is until the new feed's first page replaces it.
        if (startedOver) return feedChangedTwice(page.feedId);
        startedOver = true;
        logger.warn(
          { previousFeedId: feedId, feedId: page.feedId, cursor: after },
          'the central server answers from another reference feed: pulling all of it again',
        );
        after = '0';
        continue;
      }
      db.transaction(() => {
        if (newFeed) startNewFeed(db, page.feedId);
        applyChanges(db, page.changes);
        recordPulledPage(db, page.cursor, now());
      })();
      feedId = page.feedId;
      // The live events cursor went with the old feed: the live client connects afresh.
      if (newFeed) options.onFeedReplaced?.();
      online = true;
      publishIfChanged();
      if (!page.hasMore) return OK;
      if (page.changes.length === 0 && page.cursor === after) {
        return {
          ok: false,
          failure: {
            kind: 'unreachable',
            status: null,
            message: `the central server says more changes follow ${after} but sent none`,
          },
        };
      }
      after = page.cursor;
    }
  }

  /** A feed that changes again within one pull: two stores behind one address, most likely. */
  function feedChangedTwice(feedId: string): PhaseOutcome {
    return {
      ok: false,
      failure: {
        kind: 'unreachable',
        status: null,
        message: `the central server's reference feed changed twice during one pull (now ${feedId}): are two servers with different stores behind one address?`,
      },
    };
  }

  // ---- rounds and their schedule -------------------------------------------------------------

  async function round(): Promise<void> {
    let outcome = await pushAll();
    if (outcome.ok) outcome = await pullAll();
    if (!outcome.ok && 'stopped' in outcome) return;
    if (outcome.ok) {
      failures = 0;
      retryDelay = 0;
      online = true;
      recordSyncError(db, null);
    } else {
      failures += 1;
      const { failure, unsent } = outcome;
      retryDelay = delayAfter(failure, failures);
      online = failure.kind !== 'unreachable';
      const retryAt = new Date(clock.now().getTime() + retryDelay).toISOString();
      db.transaction(() => {
        if (unsent) recordAttempt(db, unsent, failure.message, retryAt);
        recordSyncError(db, failure.message);
      })();
      logger.warn(
        { kind: failure.kind, failures, retryAt, problem: failure.message },
        'sync round failed',
      );
    }
    publishIfChanged();
  }

  function delayAfter(failure: CentralFailure | null, failureCount: number): number {
    if (failure?.kind === 'rate-limited' && failure.retryAfterMs !== null) {
      return Math.max(failure.retryAfterMs, backoff.baseMs);
    }
    return backoffDelay(failureCount, backoff, random);
  }

  function scheduleNext(): void {
    if (stopped || !started) return;
    if (nextRound !== null) timers.clearTimeout(nextRound);
    const delay = failures > 0 ? retryDelay : intervalMs;
    nextRound = timers.setTimeout(() => {
      nextRound = null;
      void requestRound();
    }, delay);
  }

  /** Runs a round now, or, if one is running, one more right after it. */
  function requestRound(): Promise<void> {
    if (stopped || !db.open) return Promise.resolve();
    if (inFlight) {
      rerun = true;
      return inFlight;
    }
    inFlight = (async () => {
      try {
        do {
          rerun = false;
          await round();
          // A round asked for meanwhile runs now, unless this one failed: then the backoff decides.
        } while (rerun && !stopped && failures === 0);
      } catch (error) {
        // A bug or a database failure: logged, and the schedule carries on (backed off).
        failures += 1;
        retryDelay = delayAfter(null, failures);
        logger.warn({ err: error }, 'sync round crashed');
        if (db.open) {
          recordSyncError(
            db,
            `local error: ${error instanceof Error ? error.message : String(error)}`,
          );
          publishIfChanged();
        }
      } finally {
        inFlight = null;
        scheduleNext();
      }
    })();
    return inFlight;
  }

  function inBackoff(): boolean {
    return failures > 0;
  }

  // ---- the engine's face ----------------------------------------------------------------------

  return {
    status,

    /** Starts the schedule with a round now. */
    start(): void {
      if (started) return;
      started = true;
      stopped = false;
      abort = new AbortController();
      void requestRound();
    },

    /** Stops the schedule and cancels an exchange in flight; what was not recorded is resent later. */
    async stop(): Promise<void> {
      stopped = true;
      started = false;
      abort.abort();
      if (nextRound !== null) timers.clearTimeout(nextRound);
      if (debounce !== null) timers.clearTimeout(debounce);
      nextRound = null;
      debounce = null;
      await inFlight;
    },

    /** A round now, whatever the backoff says; resolves with the status after it. */
    async syncNow(): Promise<SyncStatus> {
      await requestRound();
      return status();
    },

    /** A change was put in the outbox: publish the new count, push soon (unless backing off). */
    notifyEnqueued(): void {
      publishSoon();
      if (stopped || !started || inBackoff() || debounce !== null) return;
      debounce = timers.setTimeout(() => {
        debounce = null;
        void requestRound();
      }, debounceMs);
    },

    /** The central monitor saw the server answer again: no need to sit out the backoff. */
    centralReachable(): void {
      if (!started || stopped || (!inBackoff() && online !== false)) return;
      failures = 0;
      retryDelay = 0;
      void requestRound();
    },

    /** Publishes the status if a part the engine does not own (the live link) changed. */
    refreshStatus(): void {
      publishIfChanged();
    },

    /** The central monitor saw the server stop answering. */
    centralUnreachable(): void {
      if (online === false) return;
      online = false;
      publishIfChanged();
    },

    failedMutations(): FailedMutation[] {
      return listFailed(db).map((entry) => ({
        id: entry.id,
        type: entry.type,
        createdAt: entry.createdAt,
        attempts: entry.attempts,
        reason: entry.lastError ?? '',
        payload: entry.payload,
      }));
    },

    /**
     * Puts a failed mutation back in line (under a new id: see requeueFailed); false if there is
     * no failed mutation with this id.
     */
    retryFailed(id: string, by: string): boolean {
      const replacement = newId();
      if (!requeueFailed(db, id, replacement)) return false;
      logger.info(
        { mutationId: id, newMutationId: replacement, by },
        'a failed mutation was queued again',
      );
      publishIfChanged();
      if (started && !inBackoff()) void requestRound();
      return true;
    },

    /** Gives a failed mutation up for good; `by` (a login) goes to the log. */
    discardFailed(id: string, by: string): boolean {
      const entry = findOutboxEntry(db, id);
      if (!entry || entry.status !== 'failed') return false;
      discardFailed(db, id);
      logger.warn(
        { mutationId: id, type: entry.type, reason: entry.lastError, by },
        'a failed mutation was discarded',
      );
      publishIfChanged();
      return true;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

function toMutation(entry: OutboxEntry): Mutation {
  return {
    id: entry.id,
    type: entry.type,
    payload: entry.payload,
    createdAt: entry.createdAt,
  };
}

/** A 4xx that is about what was sent (not about who sent it, nor about the route). */
function isAboutThePayload(failure: Extract<CentralFailure, { kind: 'rejected' }>): boolean {
  return [400, 409, 413, 422].includes(failure.status);
}

function describeRejection(failure: Extract<CentralFailure, { kind: 'rejected' }>): string {
  if (failure.issues.length === 0) return failure.message;
  return `${failure.message} (${failure.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')})`;
}
