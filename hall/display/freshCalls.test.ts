import { describe, expect, it } from 'vitest';
import type { DisplayCall } from '../../common/contract/central/queue';
import { freshCalls } from './freshCalls';

const call = (callId: string, ticketNumber: string, recall = false): DisplayCall => ({
  callId,
  ticketNumber,
  counterNumber: 2,
  at: '2026-03-02T09:00:00.000Z',
  recall,
});

describe('which calls the display board announces', () => {
  it('announces none of the calls made before the board started', () => {
    const first = freshCalls(null, [call('12', 'A003'), call('11', 'A002')]);
    expect(first).toEqual({ fresh: [], seen: 12n });
  });

  it('announces each new call and recall once, oldest first', () => {
    const calls = [call('14', 'A003', true), call('13', 'B001'), call('12', 'A003')];
    const next = freshCalls(12n, calls);
    expect(next.fresh.map((c) => c.callId)).toEqual(['13', '14']);
    expect(next.fresh[1]?.recall).toBe(true);
    expect(freshCalls(next.seen, calls).fresh).toEqual([]);
  });

  it('announces the first call of a board that started on an empty day', () => {
    const empty = freshCalls(null, []);
    expect(empty.seen).toBe(0n);
    expect(freshCalls(empty.seen, [call('1', 'A001')]).fresh.map((c) => c.ticketNumber)).toEqual([
      'A001',
    ]);
  });

  it('compares ids as numbers, not as text', () => {
    expect(freshCalls(9n, [call('10', 'A010')]).fresh).toHaveLength(1);
    expect(
      freshCalls(99999999999999999999n, [call('100000000000000000000', 'A1')]).fresh,
    ).toHaveLength(1);
  });

  it('starts over without a chime when the server’s ids went back (its data was replaced)', () => {
    expect(freshCalls(500n, [call('3', 'A003'), call('2', 'A002')])).toEqual({
      fresh: [],
      seen: 3n,
    });
  });

  it('keeps what it has seen through an answer with no calls', () => {
    expect(freshCalls(7n, [])).toEqual({ fresh: [], seen: 7n });
  });
});
