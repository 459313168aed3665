import { describe, expect, it } from 'vitest';
import { depositStateSchema } from '../../../common/contract/central/lockers';
import {
  labelJobStatusSchema,
  labelsChannels,
  lockersChannels,
  printFailureCodeSchema,
} from '../../../common/contract';
import { lockersEn, lockersPl } from './lockersLocale';

const errorCodes = [
  ...new Set(
    [...Object.values(lockersChannels), ...Object.values(labelsChannels)].flatMap(
      (channel) => channel.errorCodes as readonly string[],
    ),
  ),
];

// The desk explains every refusal, state and printer failure in a sentence, in both languages:
// a code main adds without a string would reach the clerk as "Nie udało się: …" at best.
describe.each([
  ['pl', lockersPl],
  ['en', lockersEn],
])('the locker desk in %s', (_language, strings) => {
  it.each(errorCodes)('explains the refusal %s', (code) => {
    expect(strings.errors).toHaveProperty([code]);
  });

  it.each(depositStateSchema.options)('names the deposit state %s', (state) => {
    expect(strings.states[state]).toBeTruthy();
  });

  it.each(labelJobStatusSchema.options)('names the print job state %s', (status) => {
    expect(strings.queue.states[status]).toBeTruthy();
  });

  it.each(printFailureCodeSchema.options)('says what to check when printing fails: %s', (code) => {
    expect(strings.queue.reasons[code]).toBeTruthy();
  });
});
