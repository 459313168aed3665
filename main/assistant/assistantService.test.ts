import { describe, expect, it } from 'vitest';
import { errorFromFailure } from './assistantService';

describe("the desk's words for a failed request", () => {
  const rejected = (reason: string | undefined, message = 'engine words') => ({
    kind: 'rejected' as const,
    status: 409,
    code: 'conflict' as const,
    message,
    issues: [],
    ...(reason ? { reason } : {}),
  });

  it('keeps the two refusals the assistant acts on: a wrong number, a ticket already at a counter', () => {
    expect(errorFromFailure(rejected('unknown-ticket'))).toMatchObject({ code: 'unknown-ticket' });
    expect(errorFromFailure(rejected('ticket-not-waiting'))).toMatchObject({
      code: 'ticket-not-waiting',
    });
  });

  it("passes any other refusal on as `refused`, with the engine's reason and words", () => {
    const error = errorFromFailure(rejected('ambiguous-ticket-number', 'Two tickets today'));
    expect(error.code).toBe('refused');
    expect(error.message).toContain('Two tickets today');
    expect(error.message).toContain('ambiguous-ticket-number');
    expect(
      errorFromFailure({ kind: 'rate-limited', status: 429, message: 'slow', retryAfterMs: null }),
    ).toMatchObject({ code: 'refused' });
  });

  it('tells offline from a session the server no longer accepts', () => {
    expect(
      errorFromFailure({ kind: 'unreachable', message: 'ECONNREFUSED', status: null }),
    ).toMatchObject({ code: 'offline' });
    expect(
      errorFromFailure({ kind: 'unauthorized', status: 401, message: 'expired' }),
    ).toMatchObject({ code: 'no-session' });
  });
});
