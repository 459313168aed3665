import type Database from 'better-sqlite3';
import {
  queueChangedEventSchema,
  type CallingRules,
  type CounterState,
  type QueueOverview,
  type TicketReference,
} from '../../common/contract/central/queue';
import type { LiveEvent } from '../../common/contract/central/liveEvents';
import type { LiveConnectionState, QueueLink, QueuePanel } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { CentralFailure } from '../sync/centralHttp';
import type { Outbox } from '../sync/outbox';
import { systemTimers, type SyncTimers } from '../sync/syncTimers';
import {
  deleteFinishedManualVisitsBefore,
  findOpenManualVisit,
  finishManualVisitRow,
  insertManualVisit,
} from './manualVisitQueries';
import type { CounterCommand, QueueClient } from './queueClient';
import { queueError, serviceErrorFromFailure } from './queueFailures';
import { buildQueuePanel } from './queuePanel';

export type QueueLogger = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

/** Who is logged in at this PC, as the queue needs it; the token stays in main. */
export type QueueSession = { login: string; offline: boolean; token: string | null };

export type QueueServiceOptions = {
  db: Database.Database;
  clock: Clock;
  logger: QueueLogger;
  client: Pick<QueueClient, 'counter' | 'overview' | 'rules' | 'command'>;
  /** This PC's site and counter (its config): the manual visits are recorded for them. */
  siteId: string;
  counterNumber: number;
  /** The session now (null: nobody is logged in). */
  session: () => QueueSession | null;
  outbox: Pick<Outbox, 'enqueue'>;
  newId: () => string;
  /** Each change of the panel, for the windows (`queue:changed`). */
  publish: (panel: QueuePanel) => void;
  /** Whether live events arrive now: then polling is only a safety net. */
  liveState?: () => LiveConnectionState;
  timers?: SyncTimers;
  /** How often the panel is read again: with live events connected, and without them. */
  pollMs?: { live: number; fallback: number };
  /** Finished manual visits are kept on the PC this long (the outbox has its own copy). */
  manualVisitRetentionMs?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rules change seldom (a supervisor, during the day): read again on their event or this often. */
const RULES_EVERY_REFRESHES = 20;
const MAX_READ_ROUNDS = 5;

/**
 * The counter panel's service: this counter's state and the site's queue from the central queue
 * engine, kept current by `queue.changed` live events for this site (and by polling, every few
 * seconds without them), published to the windows on each change. Counter commands go to the
 * engine and answer the panel after them; the engine's refusals come back as typed errors.
 * While the engine cannot be reached, the clerk serves the resident by the number on the paper
 * ticket: a manual visit kept in SQLite and, once finished, written with its outbox mutation in
 * one transaction, so the engine hears of it when the server is back.
 */
export function createQueueService(options: QueueServiceOptions) {
  const { db, clock, logger, client, siteId, counterNumber } = options;
  const timers = options.timers ?? systemTimers;
  const pollMs = options.pollMs ?? { live: 30_000, fallback: 3_000 };
  const retentionMs = options.manualVisitRetentionMs ?? 30 * DAY_MS;

  let link: QueueLink = 'idle';
  let problem: string | null = null;
  let problemCode: string | null = null;
  let counter: CounterState | null = null;
  let overview: QueueOverview | null = null;
  let rules: CallingRules | null = null;
  let rulesStale = true;
  let refreshesSinceRules = 0;
  let updatedAt: string | null = null;
  /** The central server's clock minus this PC's, from the last overview. */
  let skewMs = 0;
  let refreshing: Promise<void> | null = null;
  let again = false;
  let running = false;
  let pollTimer: unknown = null;
  /** When the engine was last asked (ms, this PC's clock); null: not in this session. */
  let lastReadAt: number | null = null;
  let lastPublished = '';
  /** The session the data above belongs to: another clerk must not see it. */
  let sessionKey: string | null = null;

  function panel(): QueuePanel {
    const open = findOpenManualVisit(db, siteId, counterNumber);
    return buildQueuePanel({
      siteId,
      counterNumber,
      link,
      problem,
      problemCode,
      now: new Date(clock.now().getTime() + skewMs),
      updatedAt,
      counter,
      overview,
      rules,
      manualVisit: open
        ? {
            id: open.id,
            ticketNumber: open.ticketNumber,
            startedAt: open.startedAt,
            clerkLogin: open.clerkLogin,
          }
        : null,
    });
  }

  function publishIfChanged(): void {
    if (!db.open) return;
    const current = panel();
    // `now` and `updatedAt` move on every read; only a change of what the panel shows is news.
    const key = JSON.stringify({ ...current, now: null, updatedAt: null });
    if (key === lastPublished) return;
    lastPublished = key;
    options.publish(current);
  }

  function forget(): void {
    counter = null;
    overview = null;
    rules = null;
    rulesStale = true;
    updatedAt = null;
    problem = null;
    problemCode = null;
  }

  /** The session the next read is for; clears what another session saw. */
  function followSession(): QueueSession | null {
    const session = options.session();
    const key = session ? `${session.login}:${session.token ?? 'offline'}` : null;
    if (key !== sessionKey) {
      sessionKey = key;
      forget();
      link = 'idle';
    }
    return session;
  }

  function noteFailure(failure: CentralFailure): void {
    problem = failure.message;
    problemCode = serviceErrorFromFailure(failure).code;
    if (failure.kind === 'unreachable') link = 'offline';
    else if (failure.kind === 'unauthorized' || failure.kind === 'rejected') {
      link = 'refused';
      counter = null;
    }
    // rate-limited: the link stands; the next poll asks again.
  }

  async function readOnce(): Promise<void> {
    const session = followSession();
    if (!session) {
      link = 'idle';
      return;
    }
    if (session.token === null) {
      link = 'offline-session';
      problem = null;
      problemCode = 'offline-session';
      return;
    }
    const token = session.token;
    lastReadAt = clock.now().getTime();
    const wantRules = rulesStale || rules === null || refreshesSinceRules >= RULES_EVERY_REFRESHES;
    const [counterAnswer, overviewAnswer, rulesAnswer] = await Promise.all([
      client.counter(token),
      client.overview(siteId, token),
      wantRules ? client.rules(siteId, token) : Promise.resolve(null),
    ]);
    // Logged out, or another clerk logged in, while the answers were on their way.
    if (options.session()?.token !== token) return;
    if (!counterAnswer.ok) return noteFailure(counterAnswer.failure);
    if (!overviewAnswer.ok) return noteFailure(overviewAnswer.failure);
    counter = counterAnswer.value;
    overview = overviewAnswer.value;
    skewMs = Date.parse(overviewAnswer.value.now) - clock.now().getTime();
    if (rulesAnswer?.ok) {
      rules = rulesAnswer.value.rules;
      rulesStale = false;
      refreshesSinceRules = 0;
    } else {
      refreshesSinceRules += 1;
      if (rulesAnswer && !rulesAnswer.ok) {
        // The panel works without them (the engine still decides); it asks again next time.
        logger.warn({ problem: rulesAnswer.failure.message }, 'calling rules not read');
      }
    }
    link = 'online';
    problem = null;
    problemCode = null;
    updatedAt = clock.now().toISOString();
  }

  /**
   * Reads the counter and the overview again. Calls that come while a read is on its way join
   * it, and it reads once more after, so a change announced meanwhile is never missed.
   */
  function refresh(): Promise<void> {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        // A few rounds at most: commands that keep coming would otherwise hold the read forever.
        for (let round = 0; round < MAX_READ_ROUNDS; round += 1) {
          again = false;
          await readOnce();
          if (!again) break;
        }
        publishIfChanged();
      } catch (error) {
        logger.error({ err: error }, 'reading the queue failed');
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  /**
   * Polls at the fallback pace, and while live events arrive (and the engine answers) reads only
   * when the live pace is due: a lost link is noticed at the next tick, not 30 s later.
   */
  function schedulePoll(): void {
    if (pollTimer !== null) timers.clearTimeout(pollTimer);
    pollTimer = null;
    if (!running) return;
    const session = options.session();
    if (!session?.token) return;
    pollTimer = timers.setTimeout(() => {
      pollTimer = null;
      if (pollDue()) void refresh().finally(schedulePoll);
      else schedulePoll();
    }, pollMs.fallback);
  }

  function pollDue(): boolean {
    const live = options.liveState?.() === 'connected' && link === 'online';
    if (!live || lastReadAt === null) return true;
    return clock.now().getTime() - lastReadAt >= pollMs.live;
  }

  function onlineSession(): QueueSession & { token: string } {
    const session = followSession();
    if (!session) throw queueError('not-logged-in', 'Nikt nie jest zalogowany na tym stanowisku.');
    if (session.token === null) {
      throw queueError(
        'offline-session',
        'Zalogowano bez połączenia z serwerem centralnym: zaloguj się ponownie, aby wywoływać bilety.',
      );
    }
    return { ...session, token: session.token };
  }

  async function run(command: CounterCommand): Promise<QueuePanel> {
    const session = onlineSession();
    const answer = await client.command(session.token, command);
    if (!answer.ok) {
      const error = serviceErrorFromFailure(answer.failure);
      logger.info({ command: command.command, code: error.code }, 'queue command refused');
      if (answer.failure.kind === 'rejected') {
        // A refusal often means the panel was behind (another counter took the last ticket).
        await refresh();
      } else {
        noteFailure(answer.failure);
        publishIfChanged();
      }
      throw error;
    }
    counter = answer.value.counter;
    link = 'online';
    problem = null;
    problemCode = null;
    const ticket = answer.value.ticket;
    logger.info(
      { command: command.command, ticket: ticket?.number ?? null, counter: counter.number },
      'queue command done',
    );
    // The counts and the other counters after it. A read already on its way may have left
    // before the command: joining it makes it read once more, so it cannot undo the answer.
    await refresh();
    publishIfChanged();
    return panel();
  }

  return {
    /** The panel now; reads it from the engine first when this session has not yet. */
    async state(): Promise<QueuePanel> {
      const session = followSession();
      if (refreshing) await refreshing;
      else if (session?.token && link === 'idle') await refresh();
      return panel();
    },

    open: () => run({ command: 'open' }),
    close: () => run({ command: 'close' }),
    callNext: () => run({ command: 'callNext' }),
    recall: () => run({ command: 'recall' }),
    noShow: () => run({ command: 'noShow' }),
    park: () => run({ command: 'park' }),
    resume: () => run({ command: 'resume' }),
    pause: (body: Extract<CounterCommand, { command: 'pause' }>['body']) =>
      run({ command: 'pause', body }),
    bringBack: (body: TicketReference) => run({ command: 'bringBack', body }),
    callTicket: (body: TicketReference) => run({ command: 'callTicket', body }),
    transfer: (body: Extract<CounterCommand, { command: 'transfer' }>['body']) =>
      run({ command: 'transfer', body }),
    resumeParked: (body: { ticketId: string }) => run({ command: 'resumeParked', body }),
    finish: (body: Extract<CounterCommand, { command: 'finish' }>['body']) =>
      run({ command: 'finish', body }),
    walkIn: (body: Extract<CounterCommand, { command: 'walkIn' }>['body']) =>
      run({ command: 'walkIn', body }),

    /**
     * The central server does not answer: serve the resident by the number on the paper ticket.
     * Only while the queue is not online (online, the clerk calls the ticket from the queue).
     */
    startManualVisit({ ticketNumber }: { ticketNumber: string }): QueuePanel {
      const session = followSession();
      if (!session)
        throw queueError('not-logged-in', 'Nikt nie jest zalogowany na tym stanowisku.');
      if (link === 'online') {
        throw queueError(
          'queue-online',
          'Serwer centralny odpowiada: wywołaj bilet z kolejki zamiast wpisywać numer ręcznie.',
        );
      }
      const open = findOpenManualVisit(db, siteId, counterNumber);
      if (open) {
        throw queueError(
          'manual-visit-open',
          `Najpierw zakończ obsługę biletu ${open.ticketNumber} (wpisanego ręcznie).`,
        );
      }
      insertManualVisit(db, {
        id: options.newId(),
        siteId,
        counterNumber,
        ticketNumber,
        clerkLogin: session.login,
        startedAt: clock.now().toISOString(),
      });
      logger.info({ ticket: ticketNumber }, 'manual visit started (central server unreachable)');
      publishIfChanged();
      return panel();
    },

    /** Finishes the manual visit: the row and its outbox mutation in one transaction. */
    finishManualVisit({ note }: { note: string }): QueuePanel {
      if (!options.session()) {
        throw queueError('not-logged-in', 'Nikt nie jest zalogowany na tym stanowisku.');
      }
      const open = findOpenManualVisit(db, siteId, counterNumber);
      if (!open) {
        throw queueError('no-manual-visit', 'Żadna wizyta wpisana ręcznie nie jest w toku.');
      }
      const finishedAt = clock.now().toISOString();
      db.transaction(() => {
        const mutationId = options.outbox.enqueue({
          type: 'visit.recordManual',
          payload: {
            siteId,
            counterNumber,
            ticketNumber: open.ticketNumber,
            startedAt: open.startedAt,
            finishedAt,
            clerkLogin: open.clerkLogin,
            note,
          },
        });
        if (!finishManualVisitRow(db, open.id, { finishedAt, note, mutationId })) {
          throw new Error(`manual visit ${open.id} was finished meanwhile`);
        }
      })();
      logger.info({ ticket: open.ticketNumber }, 'manual visit finished; queued for the sync');
      publishIfChanged();
      return panel();
    },

    /** A live event: a change of this site's queue is read at once. */
    liveEvent(event: LiveEvent): void {
      if (event.type !== 'queue.changed' || !running) return;
      const parsed = queueChangedEventSchema.safeParse(event.data);
      if (!parsed.success) {
        logger.warn({ eventId: event.id }, 'a queue.changed event does not fit the contract');
        return;
      }
      if (parsed.data.siteId !== siteId) return;
      if (parsed.data.change === 'rules-changed') rulesStale = true;
      void refresh();
    },

    /** Someone logged in or out: read for the new session (or clear), and poll while online. */
    sessionChanged(): void {
      followSession();
      publishIfChanged();
      if (!running) return;
      void refresh().finally(schedulePoll);
    },

    /**
     * The central monitor saw the server answer again, or stop answering: read now rather than
     * at the next poll, so the panel (and the paper-ticket path) follows at once.
     */
    centralStatusChanged(reachable: boolean): void {
      if (!running) return;
      if (reachable ? link !== 'online' : link === 'online') void refresh();
    },

    start(): void {
      if (running) return;
      running = true;
      const removed = deleteFinishedManualVisitsBefore(
        db,
        new Date(clock.now().getTime() - retentionMs).toISOString(),
      );
      if (removed > 0) logger.info({ removed }, 'old finished manual visits removed');
      void refresh().finally(schedulePoll);
    },

    async stop(): Promise<void> {
      running = false;
      if (pollTimer !== null) timers.clearTimeout(pollTimer);
      pollTimer = null;
      await refreshing;
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
