import type Database from 'better-sqlite3';
import type { QueuePanel } from '../../common/contract';
import { findOpenManualVisit } from '../queue/manualVisitQueries';
import { IN_FLIGHT, paymentsWithStatus } from '../payments/session/paymentJournal';
import type { PaymentService } from '../payments/session/paymentService';

/**
 * A payment runs: the terminal is busy with an operation, or the journal holds a payment not
 * final yet (in flight after a crash or a lost link, still to be asked about). Restarting
 * then would leave the resident at the terminal without an answer.
 */
export function paymentInProgress(
  db: Database.Database,
  payments: Pick<PaymentService, 'terminal'>,
): boolean {
  if (!db.open) return false;
  return payments.terminal().connection === 'busy' || paymentsWithStatus(db, IN_FLIGHT).length > 0;
}

/**
 * A visit runs at this counter: the queue panel last shown had a ticket at the counter, or a
 * visit by the paper ticket's number is open in the local database.
 */
export function createVisitTracker(db: Database.Database, siteId: string, counterNumber: number) {
  let panel: QueuePanel | null = null;
  return {
    panelChanged(next: QueuePanel): void {
      panel = next;
    },
    visitInProgress(): boolean {
      if (panel?.counter?.currentTicket) return true;
      if (panel?.manualVisit) return true;
      return db.open && findOpenManualVisit(db, siteId, counterNumber) !== null;
    },
  };
}
