import { LIVE_EVENTS_CLOSE_CODES, type LiveEvent } from '../../common/contract/central/liveEvents';
import type { LiveEventListener, LiveSubscriptionEnd } from './liveEventFeed';
import type { LiveEvents } from './createLiveEvents';

/** The part of a `ws` WebSocket that serving live events uses (a fake one in unit tests). */
export type LiveEventSocket = {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string, callback: (error?: Error) => void): void;
  ping(): void;
  close(code: number, reason: string): void;
  terminate(): void;
  on(event: 'pong', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
};

export type LiveEventSocketLimits = {
  /** A client that has not answered the previous ping when the next is due is dropped. */
  pingIntervalMs: number;
  /** Bytes waiting to be sent to one client beyond which it is dropped as too slow. */
  maxBufferedBytes: number;
};

const OPEN = 1; // WebSocket.OPEN
const SERVER_ERROR = 1011;
const GOING_AWAY = 1001;

/** One serialization per event, whatever the number of sockets it goes to. */
const serialized = new WeakMap<LiveEvent, string>();
function toJson(event: LiveEvent): string {
  let json = serialized.get(event);
  if (json === undefined) {
    json = JSON.stringify(event);
    serialized.set(event, json);
  }
  return json;
}

/**
 * Streams live events to one client: the missed ones after `after`, then live ones, each as a
 * JSON text frame. A dead client (no pong) is cut off; a client that reads too slowly is closed
 * with `tooSlow` once its unsent bytes pass the limit, so it never holds more than that much of
 * the server's memory; it resumes from its last id. The replay waits while the buffer is above
 * half the limit, so a client far behind is paced rather than dropped.
 */
export function serveLiveEventSocket(
  socket: LiveEventSocket,
  after: string | null,
  liveEvents: Pick<LiveEvents, 'subscribe'>,
  limits: LiveEventSocketLimits,
): void {
  const lowWater = limits.maxBufferedBytes / 2;
  let waiters: Array<() => void> = [];
  let finished = false;
  let answeredPing = true;

  const releaseWaiters = () => {
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  const onFlushed = () => {
    if (socket.bufferedAmount <= lowWater) releaseWaiters();
  };

  const listener: LiveEventListener = {
    onEvent(event) {
      if (finished || socket.readyState !== OPEN) return;
      socket.send(toJson(event), onFlushed);
      if (socket.bufferedAmount > limits.maxBufferedBytes) {
        finish(() =>
          socket.close(
            LIVE_EVENTS_CLOSE_CODES.tooSlow,
            'Too slow: reconnect with after=<last id>.',
          ),
        );
      }
    },
    drained() {
      if (finished || socket.bufferedAmount <= lowWater) return;
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    onEnd(end) {
      finish(() => socket.close(closeCodeOf(end), end.message));
    },
  };

  let unsubscribe = () => {};
  const pinger = setInterval(() => {
    if (!answeredPing) {
      finish(() => socket.terminate());
      return;
    }
    answeredPing = false;
    socket.ping();
  }, limits.pingIntervalMs);

  function finish(then: () => void): void {
    if (finished) return;
    finished = true;
    clearInterval(pinger);
    unsubscribe();
    releaseWaiters();
    then();
  }

  socket.on('pong', () => {
    answeredPing = true;
  });
  socket.on('close', () => finish(() => {}));
  unsubscribe = liveEvents.subscribe(after, listener);
  if (finished) unsubscribe();
}

function closeCodeOf(end: LiveSubscriptionEnd): number {
  switch (end.reason) {
    case 'resume-expired':
      return LIVE_EVENTS_CLOSE_CODES.resumeExpired;
    case 'closing':
      return GOING_AWAY;
    case 'failed':
      return SERVER_ERROR;
  }
}
