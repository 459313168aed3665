import { describe, expect, it } from 'vitest';
import { formatDay, formatMinutes, formatPercent, hoursAndMinutes } from './supervisorFormat';

describe('supervisor figures', () => {
  it('shows minutes with a Polish decimal comma, and nothing when unknown', () => {
    expect(formatMinutes(4.5, 'pl')).toBe('4,5');
    expect(formatMinutes(4.5, 'en')).toBe('4.5');
    expect(formatMinutes(12, 'pl')).toBe('12');
    expect(formatMinutes(null, 'pl')).toBeNull();
  });

  it('shows a share as a whole percent', () => {
    expect(formatPercent(0.876, 'pl')).toBe('88');
    expect(formatPercent(null, 'pl')).toBeNull();
  });

  it('shows the civil date the Polish way', () => {
    expect(formatDay('2026-11-28', 'pl')).toBe('28.11.2026');
  });

  it('splits a long margin into hours and minutes', () => {
    expect(hoursAndMinutes(259)).toEqual({ hours: 4, minutes: 19 });
    expect(hoursAndMinutes(45)).toEqual({ hours: 0, minutes: 45 });
    expect(hoursAndMinutes(-5)).toEqual({ hours: 0, minutes: 0 });
  });
});
