import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { EventPayload } from '../../common/contract';
import { caseRegisteredResultSchema } from '../../common/contract/central/cases';
import type { Clock } from '../app/clock';
import type { OutboxEntry } from '../sync/outboxQueries';
import type { AppliedHandler, RejectedHandler } from '../sync/syncEngine';
import { markRegistered, markRejected } from './caseQueries';

type CasesChanged = EventPayload<'cases:changed'>;

const payloadCaseId = z.object({ caseId: z.uuid() });

/**
 * What the sync engine does with the server's answers to `case.register`: keep the case number
 * (applied) or the reason (rejected) on the cached case, in the engine's transaction, and tell
 * the windows once that transaction has committed (`cases:changed`).
 */
export function caseSyncHandlers(options: {
  clock: Clock;
  publish: (change: CasesChanged) => void;
}): { applied: AppliedHandler; rejected: RejectedHandler } {
  /** After the engine's transaction, never inside it: a window must not see a rolled-back change. */
  function publishAfterCommit(change: CasesChanged): void {
    queueMicrotask(() => options.publish(change));
  }

  return {
    applied(db: Database.Database, _entry: OutboxEntry, result: Record<string, unknown>) {
      // A result that breaks the contract throws: the round fails and the mutation is sent
      // again, rather than leaving a case without the number the server gave it.
      const { caseId, caseNumber } = caseRegisteredResultSchema.parse(result);
      if (markRegistered(db, caseId, caseNumber, options.clock.now().toISOString())) {
        publishAfterCommit({ caseId, status: 'registered', caseNumber });
      }
    },
    rejected(db: Database.Database, entry: OutboxEntry, reason: string) {
      const parsed = payloadCaseId.safeParse(entry.payload);
      if (!parsed.success) return;
      const { caseId } = parsed.data;
      if (markRejected(db, caseId, reason)) {
        publishAfterCommit({ caseId, status: 'rejected', caseNumber: null });
      }
    },
  };
}
