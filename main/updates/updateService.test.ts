import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../../common/contract/updates';
import { systemClock } from '../app/clock';
import { serviceErrorCodeOf } from '../ipc/serviceErrorCode.testing';
import { DAY_MS, createUpdateService } from './updateService';
import type { Updater } from './updater';

const silent = { info: () => undefined, warn: () => undefined };

function setUp(options: { canInstall?: boolean; offered?: string | null } = {}) {
  let downloadedListener: ((version: string) => void) | null = null;
  const activity = { visit: false, payment: false, reads: 0 };
  const updater = {
    canInstall: options.canInstall ?? true,
    checks: 0,
    installs: 0,
    failNext: false,
    async check() {
      updater.checks += 1;
      if (updater.failNext) throw new Error('the update feed answered 502');
      return options.offered === undefined ? '2.0.0' : options.offered;
    },
    onDownloaded(listener: (version: string) => void) {
      downloadedListener = listener;
    },
    install() {
      updater.installs += 1;
    },
  } satisfies Updater & Record<string, unknown>;
  const published: UpdateState[] = [];
  const updates = createUpdateService({
    updater,
    currentVersion: '1.0.0',
    clock: systemClock,
    // No hours known: always service hours, so nothing installs by itself.
    schedule: () => null,
    activity: {
      visitInProgress: () => {
        activity.reads += 1;
        return activity.visit;
      },
      paymentInProgress: () => activity.payment,
    },
    publish: (state) => published.push(state),
    logger: silent,
  });
  return {
    updater,
    updates,
    activity,
    published,
    download: (version = '2.0.0') => downloadedListener?.(version),
  };
}

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-27T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('the update service', () => {
  it('checks at start and then once a day', async () => {
    const { updater, updates } = setUp();
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(DAY_MS - 1000);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(updater.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(updater.checks).toBe(3);
    updates.stop();
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(updater.checks).toBe(3);
  });

  it('tells the window what it found, downloading first, then ready for the clerk', async () => {
    const { updates, published, download } = setUp();
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(published.at(-1)).toMatchObject({
      available: '2.0.0',
      downloaded: null,
      decision: 'wait',
      reason: 'downloading',
      checkedAt: '2026-11-27T10:00:00.000Z',
    });
    expect(serviceErrorCodeOf(() => updates.installNow())).toBe('not-downloaded');
    download();
    expect(published.at(-1)).toMatchObject({ downloaded: '2.0.0', decision: 'ask-clerk' });
    updates.stop();
  });

  it('refuses the clerk during a visit, and installs after it', async () => {
    const { updater, updates, activity, published, download } = setUp();
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    download();
    activity.visit = true;
    updates.activityChanged();
    expect(published.at(-1)).toMatchObject({ decision: 'wait', reason: 'visit-in-progress' });
    expect(serviceErrorCodeOf(() => updates.installNow())).toBe('visit-in-progress');
    expect(updater.installs).toBe(0);
    activity.visit = false;
    updates.activityChanged();
    expect(updates.installNow()).toMatchObject({ decision: 'install-now' });
    expect(updater.installs).toBe(1);
    // Installing once: a second press, or the next tick, does not start it again.
    updates.installNow();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(updater.installs).toBe(1);
    updates.stop();
  });

  it('reports a host that cannot install (the browser host) and refuses to install', async () => {
    const { updates } = setUp({ canInstall: false });
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(updates.state()).toMatchObject({
      support: 'not-supported',
      available: '2.0.0',
      decision: 'wait',
      reason: 'not-supported',
    });
    expect(serviceErrorCodeOf(() => updates.installNow())).toBe('not-supported');
    updates.stop();
  });

  it('keeps what it knew when the feed does not answer, and says why', async () => {
    const { updater, updates } = setUp();
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    updater.failNext = true;
    await updates.checkNow();
    expect(updates.state()).toMatchObject({
      available: '2.0.0',
      problem: 'the update feed answered 502',
    });
    updater.failNext = false;
    await updates.checkNow();
    expect(updates.state().problem).toBeNull();
    updates.stop();
  });

  it('asks nothing more of the closing app when the feed answers after stop', async () => {
    const { updater, updates, activity, published } = setUp();
    let answer: (version: string) => void = () => undefined;
    updater.check = () => new Promise<string>((resolve) => (answer = resolve));
    updates.start();
    updates.stop();
    const readsAtStop = activity.reads;
    // The feed answers once the app has closed its database: no policy read, no state, no install.
    answer('2.0.0');
    await vi.advanceTimersByTimeAsync(0);
    expect(activity.reads).toBe(readsAtStop);
    expect(published).toEqual([]);
    expect(updater.installs).toBe(0);
  });

  it('says nothing is offered when the feed has no newer version', async () => {
    const { updates } = setUp({ offered: null });
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(updates.state()).toMatchObject({
      available: null,
      decision: 'none',
      reason: 'no-update',
    });
    expect(serviceErrorCodeOf(() => updates.installNow())).toBe('not-downloaded');
    updates.stop();
  });
});
