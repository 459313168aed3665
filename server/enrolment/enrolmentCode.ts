import { randomInt } from 'node:crypto';
import {
  ENROLMENT_CODE_ALPHABET,
  ENROLMENT_CODE_LENGTH,
  formatEnrolmentCode,
  normalizeEnrolmentCode,
} from '../../common/contract/central/enrolment';
import { tokenHash } from '../auth/tokens';

/** How long a code can be used: a working day and a night, enough to walk to the PC. */
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

/** A new code, formatted for a person (`K7QP-2MXD-9HTR`). */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i += 1) {
    code += ENROLMENT_CODE_ALPHABET[randomInt(ENROLMENT_CODE_ALPHABET.length)];
  }
  return formatEnrolmentCode(code);
}

/** What the store keeps of a code: the hash of its normalized form, however it was typed. */
export function enrolmentCodeHash(code: string): string {
  return tokenHash(normalizeEnrolmentCode(code));
}
