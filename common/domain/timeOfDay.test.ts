import { describe, it, expect } from 'vitest';
import { isTimeOfDay, minutesOfDay } from './timeOfDay';

describe('time of day', () => {
  it('accepts zero-padded 24-hour HH:MM only', () => {
    expect(isTimeOfDay('07:30')).toBe(true);
    expect(isTimeOfDay('23:59')).toBe(true);
    expect(isTimeOfDay('7:30')).toBe(false);
    expect(isTimeOfDay('24:00')).toBe(false);
    expect(isTimeOfDay('12:60')).toBe(false);
  });

  it('counts minutes since midnight', () => {
    expect(minutesOfDay('15:30')).toBe(930);
    expect(() => minutesOfDay('3pm')).toThrow(RangeError);
  });
});
