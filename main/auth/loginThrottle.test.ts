import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './loginThrottle';

function setup() {
  let now = Date.parse('2025-03-03T08:00:00.000Z');
  const throttle = createLoginThrottle({
    clock: { now: () => new Date(now) },
    maxFailures: 3,
    windowMs: 60_000,
    lockMs: 30_000,
  });
  return { throttle, pass: (ms: number) => (now += ms) };
}

describe('createLoginThrottle', () => {
  it('locks a login after the allowed wrong passwords, for lockMs after the last', () => {
    const { throttle, pass } = setup();
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.waitMs('urzednik1')).toBe(0);
      throttle.recordFailure('urzednik1');
      pass(1000);
    }
    expect(throttle.waitMs('urzednik1')).toBe(29_000);
    expect(throttle.waitMs('urzednik2')).toBe(0);
    pass(29_000);
    expect(throttle.waitMs('urzednik1')).toBe(0);
  });

  it('forgets failures older than the window, and all of them after a good login', () => {
    const { throttle, pass } = setup();
    throttle.recordFailure('a1');
    throttle.recordFailure('a1');
    pass(61_000);
    throttle.recordFailure('a1');
    expect(throttle.waitMs('a1')).toBe(0);
    throttle.recordFailure('a1');
    throttle.reset('a1');
    throttle.recordFailure('a1');
    expect(throttle.waitMs('a1')).toBe(0);
  });
});
