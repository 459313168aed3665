import type { CallingRules } from '../../common/contract/central/queue';

/** The calls of each class a counter made in the current round of the ratio. */
export type RatioCycle = { priority: number; ordinary: number };

export type TicketClass = 'priority' | 'ordinary';

/**
 * Which class a counter prefers for its next call when both wait: a round of the ratio
 * (e.g. 2 ordinary : 1 priority) gives priority its share first, then ordinary its share, then
 * a new round begins. So a priority resident waits at most `ordinary` calls of a counter, and
 * ordinary residents are never starved by a stream of priority ones.
 */
export function preferredClass(
  cycle: RatioCycle,
  ratio: CallingRules['priorityRatio'],
): TicketClass {
  if (ratio.priority === 0) return 'ordinary';
  if (ratio.ordinary === 0) return 'priority';
  if (cycle.priority < ratio.priority) return 'priority';
  if (cycle.ordinary < ratio.ordinary) return 'ordinary';
  return 'priority';
}

/**
 * The round after a call of a class. A class called beyond its share (the other had nobody
 * waiting) still counts; the round ends when both shares are met.
 */
export function afterCall(
  cycle: RatioCycle,
  called: TicketClass,
  ratio: CallingRules['priorityRatio'],
): RatioCycle {
  const next = { ...cycle, [called]: cycle[called] + 1 };
  return next.priority >= ratio.priority && next.ordinary >= ratio.ordinary
    ? { priority: 0, ordinary: 0 }
    : next;
}
