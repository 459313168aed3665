import { describe, expect, it } from 'vitest';
import { BOOKING_CODE_MAX_LENGTH, isCompleteBookingCode, typeIntoBookingCode } from './bookingCode';

describe('typing a booking code', () => {
  it('takes keypad keys and typed text in upper case, without spaces or stray characters', () => {
    expect(typeIntoBookingCode('WI', 'Z')).toBe('WIZ');
    expect(typeIntoBookingCode('', 'wiz 42')).toBe('WIZ42');
    expect(typeIntoBookingCode('', 'ab_c.d/1-2')).toBe('ABCD1-2');
    expect(typeIntoBookingCode('', 'żółw')).toBe('W');
  });

  it('stops at the longest code', () => {
    const code = typeIntoBookingCode('', 'A'.repeat(30));
    expect(code).toHaveLength(BOOKING_CODE_MAX_LENGTH);
    expect(typeIntoBookingCode(code, '7')).toBe(code);
  });

  it('lets a code be sent once it has the contract’s shape', () => {
    expect(isCompleteBookingCode('AB1')).toBe(false);
    expect(isCompleteBookingCode('AB12')).toBe(true);
    expect(isCompleteBookingCode('WIZ-42')).toBe(true);
  });
});
