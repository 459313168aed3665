import { describe, expect, it } from 'vitest';
import { formatDuration, formatInstant, secondsBetween } from './healthFormat';

describe('the health page’s times', () => {
  it('words a span the way an IT person reads it at a glance', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(180)).toBe('3 min');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('2 h 5 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
  });

  it('shows instants in Polish time and counts from the server’s now', () => {
    expect(formatInstant('2026-03-02T09:05:07.000Z')).toBe('02.03, 10:05:07');
    expect(secondsBetween('2026-03-02T09:00:00.000Z', '2026-03-02T09:03:00.000Z')).toBe(180);
    expect(secondsBetween('2026-03-02T09:03:01.000Z', '2026-03-02T09:03:00.000Z')).toBe(0);
  });
});
