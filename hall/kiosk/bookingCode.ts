import { bookingCodeSchema } from '../../common/contract/central/queue';

/** The longest booking code the contract accepts; the keypad stops taking keys there. */
export const BOOKING_CODE_MAX_LENGTH = 16;

/** The keypad's keys: digits as on a phone, letters in alphabetical order, and the dash. */
export const DIGIT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
export const LETTER_KEYS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ-'] as const;

/**
 * The code after typing `typed` (a keypad key, or text from a hardware keyboard or a pasted
 * code): upper case, spaces and anything a code never has dropped, no longer than a code can be.
 */
export function typeIntoBookingCode(code: string, typed: string): string {
  const cleaned = typed.toUpperCase().replace(/[^A-Z0-9-]/g, '');
  return (code + cleaned).slice(0, BOOKING_CODE_MAX_LENGTH);
}

/** Whether the code has the contract's shape, so sending it can make sense. */
export const isCompleteBookingCode = (code: string): boolean =>
  bookingCodeSchema.safeParse(code).success;
