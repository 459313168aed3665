import { describe, expect, it, vi } from 'vitest';
import type { CentralStatus, EventName } from '../../common/contract';
import type { CentralHealth } from '../../common/contract/central/health';
import type { Clock } from '../app/clock';
import { createEventHub } from '../app/eventHub';
import { createReadiness } from '../app/readiness';
import type { FetchFn } from './centralHealthCheck';
import { createCentralMonitor } from './centralMonitor';

const BASE_URL = 'http://central.um.example.pl:4100';
const HEALTH_URL = `${BASE_URL}/api/v1/health`;
const NOW = '2025-03-03T08:00:00.000Z';
const clock: Clock = { now: () => new Date(NOW) };

const healthy: CentralHealth = {
  status: 'ok',
  service: 'okienko-central',
  version: '0.1.0',
  store: 'sqlite',
  demoData: true,
  time: NOW,
};

type Answer = () => Promise<Response>;
const json =
  (body: unknown): Answer =>
  async () =>
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
const refused: Answer = async () => {
  const cause = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:4100`), {
    code: 'ECONNREFUSED',
  });
  throw new TypeError('fetch failed', { cause });
};

/** A monitor whose fetch answers from the queue given, one answer per check. */
function setup(answers: Answer[]) {
  const fetchFn = vi.fn<FetchFn>(async () => {
    const next = answers.shift();
    if (!next) throw new Error('the test gave no answer for this check');
    return next();
  });
  const hub = createEventHub();
  const published: { event: EventName; payload: unknown }[] = [];
  hub.subscribe((event, payload) => published.push({ event, payload }));
  const readiness = createReadiness(hub, clock, () => {});
  const monitor = createCentralMonitor({
    mode: 'remote',
    baseUrl: BASE_URL,
    fetchFn,
    clock,
    hub,
    readiness,
  });
  const statusEvents = () =>
    published
      .filter((p) => p.event === 'central:statusChanged')
      .map((p) => p.payload as CentralStatus);
  return { monitor, fetchFn, readiness, statusEvents };
}

describe('createCentralMonitor', () => {
  it('starts with an unknown status before the first check', () => {
    const { monitor } = setup([]);
    expect(monitor.status()).toEqual({
      mode: 'remote',
      url: BASE_URL,
      reachable: null,
      checkedAt: null,
      problem: null,
    });
  });

  it('reports a healthy central server as reachable, marks readiness once and publishes the change', async () => {
    const { monitor, fetchFn, readiness, statusEvents } = setup([json(healthy), json(healthy)]);
    const expected: CentralStatus = {
      mode: 'remote',
      url: BASE_URL,
      reachable: true,
      checkedAt: NOW,
      problem: null,
    };

    expect(await monitor.checkNow()).toEqual(expected);
    expect(fetchFn.mock.calls[0]?.[0]).toBe(HEALTH_URL);
    expect(monitor.status()).toEqual(expected);
    expect(readiness.reached()).toEqual([{ step: 'central-reachable', at: NOW, detail: BASE_URL }]);
    expect(statusEvents()).toEqual([expected]);

    await monitor.checkNow();
    expect(readiness.reached()).toHaveLength(1);
    expect(statusEvents()).toHaveLength(1);
  });

  it('reports a refused connection as unreachable, with a problem naming the address', async () => {
    const { monitor, readiness, statusEvents } = setup([refused]);
    const status = await monitor.checkNow();
    expect(status.reachable).toBe(false);
    expect(status.checkedAt).toBe(NOW);
    expect(status.problem).toContain(HEALTH_URL);
    expect(status.problem).toContain('ECONNREFUSED');
    expect(readiness.reached().map((r) => r.step)).toEqual(['central-unreachable']);
    expect(readiness.reached()[0]?.detail).toContain(HEALTH_URL);
    expect(statusEvents()).toEqual([status]);
  });

  it('reports an HTML page answered with 200 as unreachable: not JSON', async () => {
    const html: Answer = async () =>
      new Response('<html><body>Proxy login</body></html>', {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
      });
    const { monitor } = setup([html]);
    const status = await monitor.checkNow();
    expect(status.reachable).toBe(false);
    expect(status.problem).toContain(HEALTH_URL);
    expect(status.problem).toMatch(/not JSON/);
  });

  it('reports JSON of another shape as unreachable, naming what is wrong', async () => {
    const { monitor } = setup([json({ status: 'UP' })]);
    const status = await monitor.checkNow();
    expect(status.reachable).toBe(false);
    expect(status.problem).toContain(HEALTH_URL);
    expect(status.problem).toMatch(/unexpected health answer/);
    expect(status.problem).toContain('service');
  });

  it('reports an HTTP error status as unreachable with the status', async () => {
    const { monitor } = setup([async () => new Response('Bad Gateway', { status: 502 })]);
    const status = await monitor.checkNow();
    expect(status.reachable).toBe(false);
    expect(status.problem).toBe(`${HEALTH_URL}: HTTP 502`);
  });

  it('publishes each change between reachable and unreachable, and nothing for a repeated state', async () => {
    const { monitor, readiness, statusEvents } = setup([
      json(healthy),
      refused,
      refused,
      json(healthy),
    ]);
    await monitor.checkNow();
    await monitor.checkNow();
    await monitor.checkNow();
    await monitor.checkNow();
    expect(statusEvents().map((s) => s.reachable)).toEqual([true, false, true]);
    expect(statusEvents()[1]?.problem).toContain(HEALTH_URL);
    expect(statusEvents()[2]?.problem).toBeNull();
    // Readiness is a start-up step: only the first answer counts.
    expect(readiness.reached().map((r) => r.step)).toEqual(['central-reachable']);
  });

  it('reports unreachable without asking anyone when no address is known', async () => {
    const fetchFn = vi.fn<FetchFn>();
    const hub = createEventHub();
    const readiness = createReadiness(hub, clock, () => {});
    const monitor = createCentralMonitor({
      mode: 'embedded',
      baseUrl: null,
      fetchFn,
      clock,
      hub,
      readiness,
    });
    const status = await monitor.checkNow();
    expect(status).toMatchObject({
      reachable: false,
      problem: expect.stringContaining('no central server address'),
    });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('checks again on its interval once started, and stops when told', async () => {
    vi.useFakeTimers();
    try {
      const fetchFn = vi.fn<FetchFn>(json(healthy));
      const hub = createEventHub();
      const readiness = createReadiness(hub, clock, () => {});
      const monitor = createCentralMonitor({
        mode: 'remote',
        baseUrl: BASE_URL,
        fetchFn,
        clock,
        hub,
        readiness,
        intervalMs: 1000,
      });
      monitor.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(fetchFn).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(fetchFn).toHaveBeenCalledTimes(2);
      monitor.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(fetchFn).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
