import { describe, expect, it } from 'vitest';
import { queueErrorCodes } from '../../../common/contract';
import { en } from '../../app/locales/en';
import { pl } from '../../app/locales/pl';
import { formatDuration } from './durations';

describe('the counter panel’s words', () => {
  it.each(queueErrorCodes)('has Polish and English words for the refusal %s', (code) => {
    expect(pl.queue.errors[code]).toMatch(/\S/);
    expect(en.queue.errors[code]).toMatch(/\S/);
  });
});

describe('formatDuration', () => {
  it('reads minutes and seconds under an hour, hours from an hour on, never below zero', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(247_900)).toBe('4:07');
    expect(formatDuration(3_727_000)).toBe('1:02:07');
    expect(formatDuration(-5_000)).toBe('0:00');
  });
});
