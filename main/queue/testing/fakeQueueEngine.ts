import {
  DEFAULT_CALLING_RULES,
  type CallingRules,
  type CounterState,
  type QueueErrorReason,
  type QueueOverview,
  type Ticket,
} from '../../../common/contract/central/queue';
import { queuePaths } from '../../../common/contract/central/paths';
import type { FetchFn } from '../../central/centralHealthCheck';

const NOW = '2026-03-03T09:00:00.000Z';

/** A ticket numbered n in a category, waiting since `queuedAt`. */
export function waitingTicket(n: number, categoryId: string, prefix: string): Ticket {
  return {
    id: `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`,
    siteId: 'slaska',
    categoryId,
    number: `${prefix}${String(n).padStart(3, '0')}`,
    day: '2026-03-03',
    source: 'kiosk',
    priority: false,
    appointment: null,
    issuedAt: NOW,
    queuedAt: NOW,
    status: 'waiting',
    counterId: null,
    targetCounterId: null,
    calledAt: null,
    lastCalledAt: null,
    recalls: 0,
    servedAt: null,
    finishedAt: null,
    services: [],
    outcome: null,
    checklist: null,
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const refusal = (status: number, code: string, reason: QueueErrorReason, message: string) =>
  json(status, { error: { code, message, reason } });

/**
 * A stand-in for the central queue engine over fake HTTP, as small as the queue service's tests
 * need: one site with two categories, one counter (slaska.1), the counter commands with the
 * engine's refusals, the overview and the rules. `down` makes every request fail as a network
 * error does; `requests` records what was asked, with the headers.
 */
export function createFakeQueueEngine() {
  const categories = [
    { categoryId: 'slaska.dowody', prefix: 'A', name: 'Dowody osobiste' },
    { categoryId: 'slaska.meldunki', prefix: 'B', name: 'Meldunki' },
  ];
  const state = {
    down: false,
    rules: { ...DEFAULT_CALLING_RULES } as CallingRules,
    waiting: [] as Ticket[],
    counter: {
      counterId: 'slaska.1',
      siteId: 'slaska',
      number: 1,
      name: 'Stanowisko 1',
      state: 'closed',
      pauseReason: null,
      clerk: null,
      currentTicket: null,
      parkedTickets: [],
      categoryIds: ['slaska.dowody', 'slaska.meldunki'],
      servedToday: 0,
      since: null,
    } as CounterState,
    requests: [] as { method: string; path: string; headers: Headers; body: unknown }[],
    /** Answers the next request to this path with the response given, once. */
    answerOnce: new Map<string, () => Response>(),
  };

  function overview(): QueueOverview {
    return {
      siteId: 'slaska',
      now: NOW,
      day: '2026-03-03',
      categories: categories.map((category) => {
        const waiting = state.waiting.filter((t) => t.categoryId === category.categoryId);
        return {
          ...category,
          waiting: waiting.length,
          waitingPriority: 0,
          longestWaitMinutes: 0,
          estimatedWaitMinutes: 0,
          serviceMinutes: 10,
          issuedToday: waiting.length,
          dailyCap: null,
          next: waiting.map((t) => ({
            ticketId: t.id,
            number: t.number,
            priority: t.priority,
            appointment: false,
            queuedAt: t.queuedAt,
            targetCounterId: null,
          })),
        };
      }),
      nextAppointments: [],
      counters: [state.counter],
      noShows: [],
    };
  }

  function command(name: string): Response {
    const counter = state.counter;
    const answer = (ticket: Ticket | null) => json(200, { counter, ticket });
    if (name === 'open') {
      state.counter = {
        ...counter,
        state: 'open',
        clerk: { login: 'urzednik1', displayName: 'Anna Kowalska' },
        since: NOW,
      };
      return json(200, { counter: state.counter, ticket: null });
    }
    if (counter.state === 'closed') {
      return refusal(409, 'conflict', 'counter-closed', 'Counter 1 is closed: open it first.');
    }
    if (name === 'call-next') {
      if (counter.currentTicket) {
        return refusal(409, 'conflict', 'counter-busy', 'Counter 1 already has a ticket at it.');
      }
      const next = state.waiting.shift() ?? null;
      const called = next
        ? { ...next, status: 'called' as const, counterId: 'slaska.1', calledAt: NOW }
        : null;
      state.counter = { ...counter, currentTicket: called };
      return json(200, { counter: state.counter, ticket: called });
    }
    const ticket = counter.currentTicket;
    if (!ticket) return refusal(409, 'conflict', 'counter-idle', 'Counter 1 has no ticket.');
    if (name === 'recall') {
      state.counter = { ...counter, currentTicket: { ...ticket, recalls: ticket.recalls + 1 } };
      return answer(state.counter.currentTicket);
    }
    if (name === 'no-show') {
      if (ticket.recalls < state.rules.noShow.minRecalls) {
        return refusal(
          409,
          'conflict',
          'no-show-too-early',
          `A no-show needs ${state.rules.noShow.minRecalls} recalls first.`,
        );
      }
    }
    if (name === 'finish' || name === 'no-show') {
      state.counter = { ...counter, currentTicket: null, servedToday: counter.servedToday + 1 };
      return json(200, { counter: state.counter, ticket: { ...ticket, status: 'done' } });
    }
    return json(404, { error: { code: 'not-found', message: `no fake for ${name}` } });
  }

  const fetchFn: FetchFn = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    state.requests.push({ method, path: url.pathname, headers, body });
    if (state.down) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    const once = state.answerOnce.get(url.pathname);
    if (once) {
      state.answerOnce.delete(url.pathname);
      return once();
    }
    if (!headers.get('authorization')) {
      return json(401, { error: { code: 'unauthenticated', message: 'No session' } });
    }
    if (method === 'GET' && url.pathname === queuePaths.counter) return json(200, state.counter);
    if (method === 'GET' && url.pathname === queuePaths.overview('slaska'))
      return json(200, overview());
    if (method === 'GET' && url.pathname === queuePaths.rules('slaska')) {
      return json(200, { siteId: 'slaska', rules: state.rules, updatedAt: null, updatedBy: null });
    }
    const commandMatch = /^\/api\/v1\/queue\/counter\/([a-z-]+)$/.exec(url.pathname);
    if (method === 'POST' && commandMatch) return command(commandMatch[1]!);
    return json(404, { error: { code: 'not-found', message: `no route ${url.pathname}` } });
  };

  return {
    state,
    fetchFn,
    /** Issues a waiting ticket, as the kiosk would. */
    issue(n: number, category: 'A' | 'B' = 'A'): Ticket {
      const categoryId = category === 'A' ? 'slaska.dowody' : 'slaska.meldunki';
      const ticket = waitingTicket(n, categoryId, category);
      state.waiting.push(ticket);
      return ticket;
    },
    /** How many GETs of the overview were made. */
    overviewReads(): number {
      return state.requests.filter((r) => r.path === queuePaths.overview('slaska')).length;
    },
  };
}

export type FakeQueueEngine = ReturnType<typeof createFakeQueueEngine>;
