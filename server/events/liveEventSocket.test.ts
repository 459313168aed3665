import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_EVENTS_CLOSE_CODES, type LiveEvent } from '../../common/contract/central/liveEvents';
import type { LiveEventListener } from './liveEventFeed';
import { serveLiveEventSocket, type LiveEventSocket } from './liveEventSocket';

/** A socket whose send buffer the test controls: sent bytes stay buffered until flushed. */
class FakeSocket extends EventEmitter implements LiveEventSocket {
  bufferedAmount = 0;
  readyState = 1;
  sent: string[] = [];
  pings = 0;
  closedWith: { code: number; reason: string } | null = null;
  terminated = false;
  private unflushed: Array<() => void> = [];

  send(data: string, callback: (error?: Error) => void): void {
    this.sent.push(data);
    this.bufferedAmount += data.length;
    this.unflushed.push(() => {
      this.bufferedAmount -= data.length;
      callback();
    });
  }
  flush(): void {
    for (const done of this.unflushed.splice(0)) done();
  }
  ping(): void {
    this.pings += 1;
  }
  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
    this.readyState = 2;
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
}

function fakeLiveEvents() {
  const state = {
    listener: null as LiveEventListener | null,
    after: null as string | null,
    unsubscribed: false,
  };
  return {
    state,
    liveEvents: {
      subscribe(after: string | null, listener: LiveEventListener) {
        state.after = after;
        state.listener = listener;
        return () => {
          state.unsubscribed = true;
        };
      },
    },
  };
}

const event = (id: number, filler = ''): LiveEvent => ({
  id: String(id),
  type: 'mutation.applied',
  at: '2025-09-01T08:00:00.000Z',
  data: { n: id, filler },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('serving live events on one socket', () => {
  it('subscribes after the given id and sends each event as the JSON of the contract', () => {
    const socket = new FakeSocket();
    const fake = fakeLiveEvents();
    serveLiveEventSocket(socket, '41', fake.liveEvents, {
      pingIntervalMs: 30_000,
      maxBufferedBytes: 10_000,
    });
    fake.state.listener!.onEvent(event(42));
    expect(fake.state.after).toBe('41');
    expect(socket.sent.map((text) => JSON.parse(text))).toEqual([event(42)]);
    socket.emit('close');
  });

  it('closes a client whose unsent bytes pass the limit with tooSlow and sends it nothing more', () => {
    const socket = new FakeSocket();
    const fake = fakeLiveEvents();
    serveLiveEventSocket(socket, null, fake.liveEvents, {
      pingIntervalMs: 30_000,
      maxBufferedBytes: 1000,
    });
    for (let id = 1; id <= 20; id++) fake.state.listener!.onEvent(event(id, 'x'.repeat(200)));

    expect(socket.closedWith?.code).toBe(LIVE_EVENTS_CLOSE_CODES.tooSlow);
    expect(socket.closedWith?.reason).toMatch(/after=/);
    expect(fake.state.unsubscribed).toBe(true);
    expect(socket.sent.length).toBeLessThan(6);
  });

  it('paces a replay: waits while the buffer is above half the limit, goes on once it drains', async () => {
    const socket = new FakeSocket();
    const fake = fakeLiveEvents();
    serveLiveEventSocket(socket, '0', fake.liveEvents, {
      pingIntervalMs: 30_000,
      maxBufferedBytes: 1000,
    });
    const listener = fake.state.listener!;
    listener.onEvent(event(1, 'x'.repeat(100)));
    expect(listener.drained?.()).toBeUndefined();
    listener.onEvent(event(2, 'x'.repeat(500)));

    let ready = false;
    const waiting = listener.drained?.();
    expect(waiting).toBeInstanceOf(Promise);
    void waiting?.then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    socket.flush();
    await waiting;
    expect(ready).toBe(true);
    expect(socket.closedWith).toBeNull();
    socket.emit('close');
  });

  it('pings and cuts off a client that does not answer, keeping one that does', () => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    const fake = fakeLiveEvents();
    serveLiveEventSocket(socket, null, fake.liveEvents, {
      pingIntervalMs: 1000,
      maxBufferedBytes: 1000,
    });

    vi.advanceTimersByTime(1000);
    expect(socket.pings).toBe(1);
    socket.emit('pong');
    vi.advanceTimersByTime(1000);
    expect(socket.pings).toBe(2);
    expect(socket.terminated).toBe(false);

    vi.advanceTimersByTime(1000);
    expect(socket.terminated).toBe(true);
    expect(fake.state.unsubscribed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('unsubscribes and stops pinging when the client goes away', () => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    const fake = fakeLiveEvents();
    serveLiveEventSocket(socket, null, fake.liveEvents, {
      pingIntervalMs: 1000,
      maxBufferedBytes: 1000,
    });
    socket.emit('close');
    expect(fake.state.unsubscribed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['resume-expired', LIVE_EVENTS_CLOSE_CODES.resumeExpired],
    ['closing', 1001],
    ['failed', 1011],
  ] as const)('closes with the code for a subscription that ended as %s', (reason, code) => {
    const socket = new FakeSocket();
    const fake = fakeLiveEvents();
    serveLiveEventSocket(socket, '5', fake.liveEvents, {
      pingIntervalMs: 30_000,
      maxBufferedBytes: 1000,
    });
    fake.state.listener!.onEnd({ reason, message: 'why' });
    expect(socket.closedWith).toEqual({ code, reason: 'why' });
  });
});
