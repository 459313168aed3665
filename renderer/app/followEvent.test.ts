import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClerkApi, EventName } from '../../common/contract';
import { followEventFromStart, followEventOnceLoaded } from './followEvent';

/** A stand-in for main: emits events to whoever listens, and counts the listeners. */
function fakeMain() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const on = (event: EventName, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  vi.stubGlobal('window', { clerk: { on } as unknown as ClerkApi });
  return {
    emit: (event: EventName, payload: unknown) =>
      listeners.get(event)?.forEach((listener) => listener(payload)),
    listening: (event: EventName) => listeners.get(event)?.size ?? 0,
  };
}

/** A cache entry's lifecycle whose first answer and removal the test decides. */
function entry() {
  let load!: () => void;
  let fail!: () => void;
  let remove!: () => void;
  const cacheDataLoaded = new Promise<void>((resolve, reject) => {
    load = resolve;
    fail = reject;
  });
  const cacheEntryRemoved = new Promise<void>((resolve) => (remove = resolve));
  return { lifecycle: { cacheDataLoaded, cacheEntryRemoved }, load, fail, remove };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const change = (caseId: string, status = 'submitted') => ({ caseId, status, caseNumber: null });

afterEach(() => vi.unstubAllGlobals());

describe('followEventFromStart', () => {
  it('reports the last concerned event that came before the first answer, then applies the rest', async () => {
    const main = fakeMain();
    const { lifecycle, load, remove } = entry();
    const apply = vi.fn();
    const missed = vi.fn();
    const following = followEventFromStart('cases:changed', lifecycle, {
      concerns: (payload) => payload.caseId === 'a',
      apply,
      missed,
    });
    main.emit('cases:changed', change('a', 'submitted'));
    main.emit('cases:changed', change('a', 'registered'));
    main.emit('cases:changed', change('b'));
    load();
    await settled();
    expect(missed).toHaveBeenCalledTimes(1);
    expect(missed).toHaveBeenCalledWith(change('a', 'registered'));
    expect(apply).not.toHaveBeenCalled();

    main.emit('cases:changed', change('b'));
    main.emit('cases:changed', change('a', 'rejected'));
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply).toHaveBeenCalledWith(change('a', 'rejected'));

    remove();
    await following;
    expect(main.listening('cases:changed')).toBe(0);
  });

  it('does not report a miss when nothing came before the first answer', async () => {
    fakeMain();
    const { lifecycle, load, remove } = entry();
    const missed = vi.fn();
    const following = followEventFromStart('cases:changed', lifecycle, { apply: vi.fn(), missed });
    load();
    remove();
    await following;
    expect(missed).not.toHaveBeenCalled();
  });

  it('applies nothing once the entry went away before it loaded, and stops listening when removed', async () => {
    const main = fakeMain();
    const { lifecycle, fail, remove } = entry();
    const apply = vi.fn();
    const missed = vi.fn();
    const following = followEventFromStart('cases:changed', lifecycle, { apply, missed });
    fail();
    await settled();
    main.emit('cases:changed', change('a'));
    remove();
    await following;
    expect(apply).not.toHaveBeenCalled();
    expect(missed).not.toHaveBeenCalled();
    expect(main.listening('cases:changed')).toBe(0);
  });
});

describe('followEventOnceLoaded', () => {
  it('applies events from the first answer (or its failure) until the entry is removed', async () => {
    const main = fakeMain();
    const { lifecycle, fail, remove } = entry();
    const apply = vi.fn();
    const following = followEventOnceLoaded('cases:changed', lifecycle, apply);
    main.emit('cases:changed', change('early'));
    fail();
    await settled();
    main.emit('cases:changed', change('a'));
    remove();
    await following;
    main.emit('cases:changed', change('late'));
    expect(apply.mock.calls).toEqual([[change('a')]]);
  });
});
