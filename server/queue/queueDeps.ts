import type { QueueChange, QueueChangedEvent, Ticket } from '../../common/contract/central/queue';
import type { Counter } from '../../common/contract/central/reference';
import type { Clock } from '../clock';
import type { CentralStore } from '../store/openCentralStore';
import type { QueueReferenceCache } from './queueReference';

/** What every engine command is given: injected, so tests hold the clock and share the store. */
export type QueueDeps = {
  store: CentralStore;
  clock: Clock;
  /** The sites, categories and counters (cached until the reference feed moves). */
  reference: QueueReferenceCache;
  /** The sites' time zone (Europe/Warsaw). */
  timeZone: string;
};

/** A command's answer and the live events to publish once its transaction has committed. */
export type Outcome<T> = { value: T; events: QueueChangedEvent[] };

/** The clerk at a counter: the workstation names the counter, the session the clerk. */
export type ClerkAtCounter = {
  counterId: string;
  clerk: { userId: string; login: string; displayName: string };
};

export function queueEvent(
  siteId: string,
  change: QueueChange,
  ticket: Pick<Ticket, 'id' | 'number'> | null = null,
  counter: Pick<Counter, 'id' | 'number'> | null = null,
): QueueChangedEvent {
  return {
    siteId,
    change,
    ticketId: ticket?.id ?? null,
    ticketNumber: ticket?.number ?? null,
    counterId: counter?.id ?? null,
    counterNumber: counter?.number ?? null,
  };
}
