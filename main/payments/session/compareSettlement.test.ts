import { describe, expect, it } from 'vitest';
import { compareSettlement } from './compareSettlement';

const payments = [
  { paymentId: 'p1', method: 'card' as const, amountGrosze: 1_000, traceNumber: 1 },
  { paymentId: 'p2', method: 'blik' as const, amountGrosze: 500, traceNumber: 2 },
];

describe('comparing the terminal’s end of day with the journal', () => {
  it('is balanced when every method agrees', () => {
    const result = compareSettlement(
      {
        totalGrosze: 1_500,
        byMethod: [
          { method: 'card', count: 1, totalGrosze: 1_000 },
          { method: 'blik', count: 1, totalGrosze: 500 },
        ],
      },
      payments,
    );
    expect(result).toMatchObject({ balanced: true, differences: [] });
  });

  it('names the differing method and lists its journal transactions only', () => {
    const result = compareSettlement(
      {
        totalGrosze: 1_600,
        byMethod: [
          { method: 'card', count: 1, totalGrosze: 1_000 },
          { method: 'blik', count: 1, totalGrosze: 600 },
        ],
      },
      payments,
    );
    expect(result.balanced).toBe(false);
    expect(result.differences.map((d) => [d.kind, d.method, d.paymentId])).toEqual([
      ['amount-differs', 'blik', null],
      ['amount-differs', 'blik', 'p2'],
    ]);
  });

  it('compares the sum alone when the terminal gives no totals per method', () => {
    expect(compareSettlement({ totalGrosze: 1_500, byMethod: null }, payments).balanced).toBe(true);
    const differing = compareSettlement({ totalGrosze: 900, byMethod: null }, payments);
    expect(differing.balanced).toBe(false);
    expect(differing.differences.map((d) => d.paymentId)).toEqual([null, 'p1', 'p2']);
  });
});
