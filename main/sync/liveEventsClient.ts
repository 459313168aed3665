import type Database from 'better-sqlite3';
import { WebSocket, type RawData } from 'ws';
import type { LiveConnectionState } from '../../common/contract';
import { WORKSTATION_TOKEN_HEADER } from '../../common/contract/central/auth';
import {
  LIVE_EVENTS_CLOSE_CODES,
  LIVE_EVENTS_PATH,
  type LiveEvent,
} from '../../common/contract/central/liveEvents';
import { liveEventsUrl, parseLiveEventFrame } from './liveEventFrame';
import type { SyncLogger } from './syncEngine';
import { readSyncState, recordLiveEventCursor } from './syncStateQueries';
import { backoffDelay, systemTimers, type Backoff, type SyncTimers } from './syncTimers';

export type LiveEventListener = (event: LiveEvent) => void;

export type LiveEventsClientOptions = {
  db: Database.Database;
  /** The central server's address (http://…); the socket goes to LIVE_EVENTS_PATH on it. */
  baseUrl: string;
  /** This PC's identity (X-Okienko-Workstation); null: the client stays off. */
  workstationToken: () => string | null;
  logger: SyncLogger;
  /** Pull the reference changes now (the sync engine's round). */
  requestPull: () => void;
  /** Each change of the connection's state (the sync status shows it). */
  onStateChange?: (state: LiveConnectionState) => void;
  timers?: SyncTimers;
  /** For the backoff's jitter; tests pass a constant. */
  random?: () => number;
  /** The wait between failed tries: doubling from baseMs to maxMs, up to half taken off at random. */
  backoff?: Backoff;
  /** How long after a `reference.changed` the pull starts: a burst of changes makes one pull. */
  pullDebounceMs?: number;
  /** A connection open this long counts as good: the next failure starts the backoff afresh. */
  stableAfterMs?: number;
  /** No frame and no ping for this long: the link is taken for dead (the server pings every 30 s). */
  silenceLimitMs?: number;
  /** How long the opening handshake may take. */
  handshakeTimeoutMs?: number;
};

/**
 * The counter PC's end of the central server's live events (docs/live-events.md). It connects
 * with this workstation's token and resumes after the last event it handled (kept in sync_state,
 * so a restart resumes too); each frame is checked against the contract, and a malformed one is
 * logged and skipped. A `reference.changed` asks the sync engine to pull (debounced); every event
 * goes to the listeners of `onEvent`. Events are hints: the pull cursor stays the record, so when
 * the client cannot resume (4410, or `after` refused) it connects without `after`, then pulls.
 * A lost connection is retried with backoff and jitter, quietly (one warning per outage).
 */
export function createLiveEventsClient(options: LiveEventsClientOptions) {
  const { db, logger } = options;
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 60_000 };
  const pullDebounceMs = options.pullDebounceMs ?? 250;
  const stableAfterMs = options.stableAfterMs ?? 10_000;
  const silenceLimitMs = options.silenceLimitMs ?? 75_000;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;

  const listeners = new Set<LiveEventListener>();
  let running = false;
  let state: LiveConnectionState = 'off';
  let socket: WebSocket | null = null;
  /** The last event handled on this feed (null: none; connect without `after`). */
  let lastId: bigint | null = null;
  /** Failed tries since the last good connection. */
  let failures = 0;
  /** Whether this outage was logged already: the retries after it stay quiet. */
  let outageLogged = false;
  let retryTimer: unknown = null;
  let pullTimer: unknown = null;
  let stableTimer: unknown = null;
  let silenceTimer: unknown = null;
  let closed: Promise<void> = Promise.resolve();

  function setState(next: LiveConnectionState): void {
    if (state === next) return;
    state = next;
    options.onStateChange?.(next);
  }

  function clearTimer(handle: unknown): null {
    if (handle !== null) timers.clearTimeout(handle);
    return null;
  }

  function connect(): void {
    retryTimer = clearTimer(retryTimer);
    if (!running || !db.open) return;
    const token = options.workstationToken();
    if (token === null) {
      logger.warn({}, 'live events off: this PC has no workstation token');
      running = false;
      setState('off');
      return;
    }
    const after = readSyncState(db).liveEventCursor;
    lastId = after === null ? null : BigInt(after);
    let ws: WebSocket;
    try {
      ws = new WebSocket(liveEventsUrl(options.baseUrl, LIVE_EVENTS_PATH, after), {
        headers: { [WORKSTATION_TOKEN_HEADER]: token },
        handshakeTimeout: handshakeTimeoutMs,
      });
    } catch (error) {
      // A malformed address: retrying would not fix it.
      logger.warn({ err: error, baseUrl: options.baseUrl }, 'live events off: bad server address');
      running = false;
      setState('off');
      return;
    }
    socket = ws;
    setState('connecting');
    let refusedWith: number | null = null;
    let problem: string | null = null;
    let opened = false;
    closed = new Promise((resolve) => ws.once('close', () => resolve()));

    ws.on('unexpected-response', (_request, response) => {
      // A refused upgrade (401, 400): keep the status, then drop the attempt (close follows).
      refusedWith = response.statusCode ?? null;
      response.resume();
      ws.terminate();
    });
    ws.on('error', (error) => {
      problem = error.message;
    });
    ws.on('open', () => {
      if (socket !== ws) return;
      opened = true;
      onOpen(after);
    });
    ws.on('ping', () => {
      if (socket === ws) heardFromServer(ws);
    });
    ws.on('message', (data, isBinary) => {
      if (socket !== ws) return;
      heardFromServer(ws);
      receive(data, isBinary);
    });
    ws.on('close', (code, reason) => {
      if (socket !== ws) return;
      socket = null;
      onClose({ code, reason: reason.toString(), refusedWith, problem, opened, after });
    });
  }

  function onOpen(after: string | null): void {
    setState('connected');
    if (outageLogged || failures > 0) {
      logger.info({ after, tries: failures + 1 }, 'live events connected again');
    } else {
      logger.info({ after }, 'live events connected');
    }
    outageLogged = false;
    stableTimer = clearTimer(stableTimer);
    stableTimer = timers.setTimeout(() => {
      stableTimer = null;
      failures = 0;
    }, stableAfterMs);
    if (socket) heardFromServer(socket);
    // Without `after` the stream starts now: what changed before it, only a pull brings.
    if (after === null) options.requestPull();
  }

  function heardFromServer(ws: WebSocket): void {
    silenceTimer = clearTimer(silenceTimer);
    silenceTimer = timers.setTimeout(() => {
      silenceTimer = null;
      if (socket !== ws) return;
      logger.warn({ silenceLimitMs }, 'live events: the server went silent; reconnecting');
      ws.terminate();
    }, silenceLimitMs);
  }

  function receive(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      logger.warn({}, 'live events: a binary frame was skipped (events are text)');
      return;
    }
    const frame = parseLiveEventFrame(rawText(data));
    if (!frame.ok) {
      logger.warn({ problem: frame.problem }, 'live events: a malformed event was skipped');
      return;
    }
    const { event } = frame;
    const id = BigInt(event.id);
    // The server sends each id once per connection, in order; this guards a restart's overlap.
    if (lastId !== null && id <= lastId) return;
    if (event.type === 'reference.changed') schedulePull();
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.warn({ err: error, eventId: event.id }, 'a live events listener failed');
      }
    }
    lastId = id;
    if (db.open) recordLiveEventCursor(db, event.id);
  }

  function schedulePull(): void {
    if (pullTimer !== null) return;
    pullTimer = timers.setTimeout(() => {
      pullTimer = null;
      if (running) options.requestPull();
    }, pullDebounceMs);
  }

  function onClose(end: {
    code: number;
    reason: string;
    refusedWith: number | null;
    problem: string | null;
    opened: boolean;
    after: string | null;
  }): void {
    stableTimer = clearTimer(stableTimer);
    silenceTimer = clearTimer(silenceTimer);
    if (!running) {
      setState('off');
      return;
    }
    const cannotResume =
      end.after !== null &&
      (end.code === LIVE_EVENTS_CLOSE_CODES.resumeExpired || end.refusedWith === 400);
    if (cannotResume) {
      // Missed events are gone (retention, or ids of another store): start the stream afresh and
      // pull, which brings whatever they were about. Not a failure of the link: at once.
      logger.info(
        { after: end.after, code: end.code, status: end.refusedWith, reason: end.reason },
        'live events cannot resume; connecting without after, then pulling',
      );
      if (db.open) recordLiveEventCursor(db, null);
      lastId = null;
      retryIn(0);
      return;
    }
    failures += 1;
    const delay = backoffDelay(failures, backoff, random);
    if (!outageLogged) {
      outageLogged = true;
      logger.warn(
        {
          code: end.code,
          status: end.refusedWith,
          reason: end.reason || undefined,
          problem: end.problem ?? undefined,
          retryInMs: delay,
        },
        end.opened
          ? 'live events connection lost; reconnecting quietly'
          : end.refusedWith === 401
            ? 'live events: the central server does not accept this workstation token; retrying quietly'
            : 'live events: cannot connect; retrying quietly',
      );
    }
    retryIn(delay);
  }

  function retryIn(delay: number): void {
    setState('connecting');
    retryTimer = clearTimer(retryTimer);
    retryTimer = timers.setTimeout(connect, delay);
  }

  /** Ends the current socket without its close counting as a failure. */
  function dropSocket(): Promise<void> {
    const ws = socket;
    socket = null;
    stableTimer = clearTimer(stableTimer);
    silenceTimer = clearTimer(silenceTimer);
    if (!ws) return Promise.resolve();
    const done = closed;
    ws.terminate();
    return done;
  }

  return {
    /** Connects, and keeps connecting until `stop()`. */
    start(): void {
      if (running) return;
      running = true;
      failures = 0;
      outageLogged = false;
      connect();
    },

    /** Closes the socket and stops retrying; resolves once the socket is closed. */
    async stop(): Promise<void> {
      running = false;
      retryTimer = clearTimer(retryTimer);
      pullTimer = clearTimer(pullTimer);
      await dropSocket();
      setState('off');
    },

    state(): LiveConnectionState {
      return state;
    },

    /** Every valid live event, in id order, once each; returns the unsubscribe function. */
    onEvent(listener: LiveEventListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    /** The central monitor saw the server answer again: no need to sit out the backoff. */
    centralReachable(): void {
      if (running && socket === null && retryTimer !== null) connect();
    },

    /**
     * A pull found the server on another feed and cleared the live events cursor with the
     * mirror: the ids of this connection may belong to the old store, so start afresh.
     */
    feedReplaced(): void {
      lastId = null;
      if (!running) return;
      void dropSocket();
      connect();
    },
  };
}

export type LiveEventsClient = ReturnType<typeof createLiveEventsClient>;

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
