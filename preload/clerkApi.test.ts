import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CentralStatus, ChannelName, EventName } from '../common/contract';
import { createClerkApi } from './clerkApi';
import type { ClerkTransport } from './clerkApi';

/** A transport that answers from a function and lets the test emit events by hand. */
function fakeTransport(answer: (channel: ChannelName, payload: unknown) => Promise<unknown>) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const transport = {
    invoke: vi.fn<ClerkTransport['invoke']>(answer),
    subscribe: vi.fn<ClerkTransport['subscribe']>((event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    }),
  };
  const emit = (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { transport, emit };
}

const reachable: CentralStatus = {
  mode: 'remote',
  url: 'https://okienko.um.example.pl',
  reachable: true,
  checkedAt: '2025-03-03T08:00:00.000Z',
  problem: null,
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createClerkApi: invoke', () => {
  it('refuses a channel the contract does not declare without touching the transport', async () => {
    const { transport } = fakeTransport(async () => ({ ok: true, value: {} }));
    const clerk = createClerkApi(transport);
    // A page script could call window.clerk.invoke with any string; the types do not stop it.
    const result = await clerk.invoke('fs:readFile' as ChannelName, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('answers unavailable, not a thrown error, when the transport rejects', async () => {
    const { transport } = fakeTransport(async () => {
      throw new Error('the connection to the browser host was lost');
    });
    const clerk = createClerkApi(transport);
    const result = await clerk.invoke('app:info', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unavailable');
    expect(result.error.message).toContain('the connection to the browser host was lost');
  });

  it.each([
    ['a value of the wrong shape', { ok: true, value: { opened: 'yes', route: '/counter' } }],
    [
      'an error code the channel does not declare',
      { ok: false, error: { code: 'teapot', message: 'x' } },
    ],
    ['no envelope at all', { opened: true, route: '/counter' }],
    ['undefined', undefined],
  ])('answers internal for %s', async (_case, answer) => {
    const { transport } = fakeTransport(async () => answer);
    const clerk = createClerkApi(transport);
    const result = await clerk.invoke('app:openWindow', { window: 'counter' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes a valid ok answer through, with the payload sent on the named channel', async () => {
    const { transport } = fakeTransport(async () => ({
      ok: true,
      value: { opened: false, route: '#/supervisor' },
    }));
    const clerk = createClerkApi(transport);
    const result = await clerk.invoke('app:openWindow', { window: 'supervisor' });
    expect(result).toEqual({ ok: true, value: { opened: false, route: '#/supervisor' } });
    expect(transport.invoke).toHaveBeenCalledExactlyOnceWith('app:openWindow', {
      window: 'supervisor',
    });
  });

  it.each([
    ['a code the channel declares', { code: 'forbidden-window', message: 'Nie wolno.' }],
    [
      'a transport code with issues',
      {
        code: 'invalid-payload',
        message: 'window: invalid',
        issues: [{ path: 'window', message: 'invalid' }],
      },
    ],
  ])('passes a typed error with %s through', async (_case, error) => {
    const { transport } = fakeTransport(async () => ({ ok: false, error }));
    const clerk = createClerkApi(transport);
    expect(await clerk.invoke('app:openWindow', { window: 'supervisor' })).toEqual({
      ok: false,
      error,
    });
  });
});

describe('createClerkApi: on', () => {
  it('throws for an event the contract does not declare, without subscribing', () => {
    const { transport } = fakeTransport(async () => undefined);
    const clerk = createClerkApi(transport);
    expect(() => clerk.on('app:anything' as EventName, () => {})).toThrow(/app:anything/);
    expect(transport.subscribe).not.toHaveBeenCalled();
  });

  it('drops a malformed event and delivers a valid one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { transport, emit } = fakeTransport(async () => undefined);
    const clerk = createClerkApi(transport);
    const listener = vi.fn();
    clerk.on('central:statusChanged', listener);

    emit('central:statusChanged', { ...reachable, reachable: 'yes' });
    emit('central:statusChanged', 'not an object');
    expect(listener).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);

    emit('central:statusChanged', reachable);
    expect(listener).toHaveBeenCalledExactlyOnceWith(reachable);
  });

  it('stops delivering after the unsubscribe function is called', () => {
    const { transport, emit } = fakeTransport(async () => undefined);
    const clerk = createClerkApi(transport);
    const listener = vi.fn();
    const unsubscribe = clerk.on('central:statusChanged', listener);
    emit('central:statusChanged', reachable);
    unsubscribe();
    emit('central:statusChanged', { ...reachable, reachable: false, problem: 'down' });
    expect(listener).toHaveBeenCalledOnce();
  });
});
