import type { QueuePanel } from '../../../common/contract';

/** What the clerk can do at the counter panel. */
export type PanelCommand =
  | 'callNext'
  | 'recall'
  | 'noShow'
  | 'transfer'
  | 'park'
  | 'finish'
  | 'pause'
  | 'resume'
  | 'open'
  | 'close'
  | 'walkIn';

/** Why a command cannot be used now (each has words in `queue.why`). */
export type WhyNot =
  | 'loading'
  | 'offline'
  | 'offlineSession'
  | 'refused'
  | 'manualVisit'
  | 'noCounter'
  | 'otherClerk'
  | 'closed'
  | 'alreadyOpen'
  | 'paused'
  | 'notPaused'
  | 'busy'
  | 'idle'
  | 'nothingWaiting'
  | 'noShowRecalls'
  | 'noShowMinutes';

export type Availability =
  { enabled: true } | { enabled: false; why: WhyNot; values?: Record<string, string | number> };

const yes: Availability = { enabled: true };
const no = (why: WhyNot, values?: Record<string, string | number>): Availability =>
  values ? { enabled: false, why, values } : { enabled: false, why };

const ALL: readonly PanelCommand[] = [
  'callNext',
  'recall',
  'noShow',
  'transfer',
  'park',
  'finish',
  'pause',
  'resume',
  'open',
  'close',
  'walkIn',
];

/**
 * Which commands the panel offers now, and for each one it does not, why: so a button is
 * disabled with a reason the clerk can read, and a function key pressed in vain says why. The
 * engine still decides (a stale panel can be wrong); this only spares the clerk a refusal.
 */
export function commandAvailability(
  panel: QueuePanel,
  nowMs: number,
  login: string | null,
): Record<PanelCommand, Availability> {
  const every = (availability: Availability) =>
    Object.fromEntries(ALL.map((command) => [command, availability])) as Record<
      PanelCommand,
      Availability
    >;
  if (panel.manualVisit) return every(no('manualVisit'));
  if (panel.link === 'offline') return every(no('offline'));
  if (panel.link === 'offline-session') return every(no('offlineSession'));
  if (panel.link === 'refused') return every(no('refused'));
  if (panel.link === 'idle') return every(no('loading'));
  const counter = panel.counter;
  if (!counter) return every(no('noCounter'));

  if (counter.state !== 'closed' && counter.clerk && login && counter.clerk.login !== login) {
    // Open under another clerk's login: opening it under this one takes it over.
    return { ...every(no('otherClerk', { name: counter.clerk.displayName })), open: yes };
  }
  if (counter.state === 'closed') return { ...every(no('closed')), open: yes };

  const ticket = counter.currentTicket;
  const waiting = panel.categories.reduce((sum, category) => sum + category.waiting, 0);
  const paused = counter.state === 'paused';
  const withTicket = ticket ? yes : no('idle');

  return {
    open: no('alreadyOpen'),
    close: ticket ? no('busy') : yes,
    callNext: paused
      ? no('paused')
      : ticket
        ? no('busy')
        : waiting === 0
          ? no('nothingWaiting')
          : yes,
    recall: withTicket,
    transfer: withTicket,
    park: withTicket,
    finish: withTicket,
    noShow: ticket ? noShowAvailability(panel, ticket, nowMs) : no('idle'),
    pause: paused ? no('paused') : ticket ? no('busy') : yes,
    resume: paused ? yes : no('notPaused'),
    walkIn: paused ? no('paused') : ticket ? no('busy') : yes,
  };
}

function noShowAvailability(
  panel: QueuePanel,
  ticket: NonNullable<NonNullable<QueuePanel['counter']>['currentTicket']>,
  nowMs: number,
): Availability {
  const rules = panel.rules;
  if (!rules) return yes;
  if (ticket.recalls < rules.noShowMinRecalls) {
    return no('noShowRecalls', { count: rules.noShowMinRecalls - ticket.recalls });
  }
  const calledAt = ticket.calledAt ? Date.parse(ticket.calledAt) : nowMs;
  const leftMs = calledAt + rules.noShowMinMinutes * 60_000 - nowMs;
  if (leftMs > 0) return no('noShowMinutes', { seconds: Math.ceil(leftMs / 1000) });
  return yes;
}
