import { describe, expect, it } from 'vitest';
import { liveEventsChannel } from './liveEventsChannel';

describe('the NOTIFY channel of a schema', () => {
  it('differs between schemas, so two city halls in one database never wake each other', () => {
    expect(liveEventsChannel('city_a')).not.toBe(liveEventsChannel('city_b'));
    expect(liveEventsChannel(undefined)).toBe('okienko_live_events');
  });

  it('stays within PostgreSQL identifiers, hashing a long schema rather than cutting it', () => {
    const long1 = `s${'x'.repeat(61)}1`;
    const long2 = `s${'x'.repeat(61)}2`;
    expect(liveEventsChannel(long1).length).toBeLessThanOrEqual(63);
    expect(liveEventsChannel(long1)).not.toBe(liveEventsChannel(long2));
    expect(liveEventsChannel(long1)).toMatch(/^[a-z0-9_]+$/);
  });
});
