import type Database from 'better-sqlite3';
import { z } from 'zod';
import { caseMarkedReadyResultSchema } from '../../../common/contract/central/lockers';
import type { LockerDeposit } from '../../../common/contract/lockers';
import type { MutationType } from '../../../common/contract/central/sync';
import { lockerDayOf } from '../../../common/domain/lockerDeposits';
import type { Clock } from '../../app/clock';
import type { OutboxEntry } from '../../sync/outboxQueries';
import type { AppliedHandler, RejectedHandler } from '../../sync/syncEngine';
import { findDeposit, settlePendingChange } from './depositQueries';
import { depositView } from './depositView';
import { confirmReadyMark } from './readyCaseQueries';

const payloadDepositId = z.object({ depositId: z.string() });

type LockerMutation = Extract<
  MutationType,
  'locker.deposit' | 'locker.transition' | 'case.markReady'
>;

/**
 * What the sync engine does with the server's answers to the locker's mutations, in the
 * engine's transaction: a deposit's change answered (applied or refused) is no longer pending;
 * a refusal keeps the server's reason on the deposit; a ready mark takes the server's first
 * ready time. The desk hears of the deposit once the transaction has committed.
 */
export function lockerSyncHandlers(options: {
  clock: Clock;
  publish: (deposit: LockerDeposit) => void;
}): {
  applied: Record<LockerMutation, AppliedHandler>;
  rejected: Record<LockerMutation, RejectedHandler>;
} {
  function settle(db: Database.Database, entry: OutboxEntry, reason: string | null): void {
    const parsed = payloadDepositId.safeParse(entry.payload);
    if (!parsed.success) return;
    const { depositId } = parsed.data;
    if (!settlePendingChange(db, depositId, reason)) return;
    const deposit = findDeposit(db, depositId);
    if (!deposit) return;
    const changed = depositView(deposit, lockerDayOf(options.clock.now()));
    // After the engine's transaction, never inside it: a window must not see a rolled-back change.
    queueMicrotask(() => options.publish(changed));
  }

  const applied: AppliedHandler = (db, entry) => settle(db, entry, null);
  const rejected: RejectedHandler = (db, entry, reason) => settle(db, entry, reason);

  return {
    applied: {
      'locker.deposit': applied,
      'locker.transition': applied,
      'case.markReady': (db, _entry, result) => {
        // A result that breaks the contract throws: the round fails and is sent again.
        const { caseId, readyAt } = caseMarkedReadyResultSchema.parse(result);
        confirmReadyMark(db, caseId, readyAt);
      },
    },
    rejected: {
      'locker.deposit': rejected,
      'locker.transition': rejected,
      // The case stays marked here; the sync panel lists the refusal with its reason.
      'case.markReady': () => undefined,
    },
  };
}
