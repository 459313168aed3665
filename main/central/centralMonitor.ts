import type { CentralStatus } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { EventHub } from '../app/eventHub';
import type { Readiness } from '../app/readiness';
import { checkCentralHealth, type FetchFn } from './centralHealthCheck';

export type CentralMonitorOptions = {
  mode: 'embedded' | 'remote';
  baseUrl: string | null;
  fetchFn: FetchFn;
  clock: Clock;
  hub: EventHub;
  readiness: Readiness;
  /** How often to ask while running; the status bar is never older than this. */
  intervalMs?: number;
};

/**
 * Knows whether the central server answers. The first answer becomes a readiness step; every
 * change after it becomes a `central:statusChanged` event for the windows.
 */
export function createCentralMonitor(options: CentralMonitorOptions) {
  const { mode, baseUrl, fetchFn, clock, hub, readiness } = options;
  const intervalMs = options.intervalMs ?? 15_000;
  let status: CentralStatus = {
    mode,
    url: baseUrl,
    reachable: null,
    checkedAt: null,
    problem: null,
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  async function checkNow(): Promise<CentralStatus> {
    const result = baseUrl
      ? await checkCentralHealth(baseUrl, fetchFn)
      : { ok: false as const, problem: 'no central server address is known yet' };
    const first = status.reachable === null;
    const changed = status.reachable !== result.ok;
    status = {
      mode,
      url: baseUrl,
      reachable: result.ok,
      checkedAt: clock.now().toISOString(),
      problem: result.ok ? null : result.problem,
    };
    if (first) {
      readiness.mark(
        result.ok ? 'central-reachable' : 'central-unreachable',
        result.ok ? (baseUrl ?? '') : result.problem,
      );
    }
    if (changed) hub.publish('central:statusChanged', status);
    return status;
  }

  function scheduleNext(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void checkNow().finally(scheduleNext);
    }, intervalMs);
    timer.unref?.();
  }

  return {
    status: (): CentralStatus => status,
    checkNow,
    start(): void {
      stopped = false;
      void checkNow().finally(scheduleNext);
    },
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

export type CentralMonitor = ReturnType<typeof createCentralMonitor>;
