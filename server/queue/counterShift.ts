import type { CounterCommandResponse, PauseReason } from '../../common/contract/central/queue';
import { toStoreTime } from '../store/storeValues';
import { requireOwnCounter, runCounterCommand, type CounterCommandScope } from './counterCommand';
import { queueEvent, type ClerkAtCounter, type Outcome, type QueueDeps } from './queueDeps';
import { writeJournal } from './queueJournal';
import { refuse } from './queueRefusal';
import type { QueueChange } from '../../common/contract/central/queue';

async function journalCounter(
  scope: CounterCommandScope,
  action: QueueChange,
  details: Record<string, unknown> = {},
) {
  await writeJournal(scope.tx, {
    siteId: scope.site.id,
    day: scope.day,
    at: scope.now,
    action,
    actor: scope.actor.clerk.login,
    counter: scope.counter,
    details,
  });
  return queueEvent(scope.site.id, action, null, scope.counter);
}

/**
 * Opens the counter under the clerk's login. A counter open under another login (a clerk who
 * forgot to close it) is taken over, and the journal says from whom; a ticket at it stays.
 */
export function openCounter(
  deps: QueueDeps,
  actor: ClerkAtCounter,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    const { row, now } = scope;
    if (row.state === 'open' && row.clerk_user_id === actor.clerk.userId) {
      return { ticket: null, events: [] };
    }
    await scope.updateCounter({
      state: 'open',
      pause_reason: null,
      clerk_user_id: actor.clerk.userId,
      clerk_login: actor.clerk.login,
      clerk_display_name: actor.clerk.displayName,
      since: toStoreTime(now),
    });
    const takenOverFrom =
      row.state !== 'closed' && row.clerk_user_id !== actor.clerk.userId ? row.clerk_login : null;
    return {
      ticket: null,
      events: [await journalCounter(scope, 'counter-opened', { takenOverFrom })],
    };
  });
}

/** Closes the counter; refused while a ticket is at it or parked by it. */
export function closeCounter(
  deps: QueueDeps,
  actor: ClerkAtCounter,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    const { row, counter, tx, now } = scope;
    if (row.state === 'closed') return { ticket: null, events: [] };
    requireOwnCounter(scope, { pausedToo: true });
    const held = await tx
      .selectFrom('queue_tickets')
      .select(['number', 'status'])
      .where('counter_id', '=', counter.id)
      .where('status', 'in', ['called', 'parked'])
      .execute();
    const current = held.find((ticket) => ticket.status === 'called');
    if (current) {
      refuse(
        'counter-has-ticket',
        `Counter ${counter.number} cannot close with ticket ${current.number} at it: finish it, mark a no-show or transfer it first.`,
      );
    }
    if (held.length > 0) {
      refuse(
        'counter-has-ticket',
        `Counter ${counter.number} cannot close while it holds parked tickets (${held
          .map((ticket) => ticket.number)
          .join(', ')}): take them back and finish or transfer them first.`,
      );
    }
    await scope.updateCounter({
      state: 'closed',
      pause_reason: null,
      clerk_user_id: null,
      clerk_login: null,
      clerk_display_name: null,
      since: toStoreTime(now),
    });
    return { ticket: null, events: [await journalCounter(scope, 'counter-closed')] };
  });
}

/** Pauses the open counter with a reason the supervisor sees; refused with a ticket at it. */
export function pauseCounter(
  deps: QueueDeps,
  actor: ClerkAtCounter,
  reason: PauseReason,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    const { row, counter, now } = scope;
    requireOwnCounter(scope, { pausedToo: true });
    if (row.current_ticket_id !== null) {
      refuse(
        'counter-has-ticket',
        `Counter ${counter.number} has a ticket at it: finish, park or transfer it before a pause.`,
      );
    }
    if (row.state === 'paused' && row.pause_reason === reason) return { ticket: null, events: [] };
    await scope.updateCounter({ state: 'paused', pause_reason: reason, since: toStoreTime(now) });
    return { ticket: null, events: [await journalCounter(scope, 'counter-paused', { reason })] };
  });
}

export function resumeCounter(
  deps: QueueDeps,
  actor: ClerkAtCounter,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    const { row, now } = scope;
    requireOwnCounter(scope, { pausedToo: true });
    if (row.state === 'open') return { ticket: null, events: [] };
    await scope.updateCounter({ state: 'open', pause_reason: null, since: toStoreTime(now) });
    return { ticket: null, events: [await journalCounter(scope, 'counter-resumed')] };
  });
}
