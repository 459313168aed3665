import { describe, expect, it } from 'vitest';
import type { IssuedTicket, Ticket } from '../../common/contract/central/queue';
import { screenAfterCheckIn, screenAfterIssue } from './kioskScreen';

const ticket: Ticket = {
  id: '0f9b7a52-3c1e-4f7a-9d0e-2b8c6a1d5e40',
  siteId: 'slaska',
  categoryId: 'slaska.lokale',
  number: 'E004',
  day: '2026-03-02',
  source: 'kiosk',
  priority: false,
  appointment: null,
  issuedAt: '2026-03-02T09:00:00.000Z',
  queuedAt: '2026-03-02T09:00:00.000Z',
  status: 'waiting',
  counterId: null,
  targetCounterId: null,
  calledAt: null,
  lastCalledAt: null,
  recalls: 0,
  servedAt: null,
  finishedAt: null,
  services: [],
  outcome: null,
  checklist: null,
};
const issued: IssuedTicket = {
  ticket,
  categoryName: 'Sprawy lokalowe',
  position: 3,
  estimatedWaitMinutes: 20,
};

describe('the kiosk screen after an answer', () => {
  it('shows an issued ticket with the people ahead (its place, less the resident)', () => {
    expect(screenAfterIssue({ outcome: 'issued', ...issued })).toEqual({
      kind: 'ticket',
      ticket: {
        number: 'E004',
        categoryName: 'Sprawy lokalowe',
        ahead: 2,
        estimatedWaitMinutes: 20,
        issuedAt: '2026-03-02T09:00:00.000Z',
        appointment: null,
      },
    });
  });

  it('shows a refusal', () => {
    const refusal = { reason: 'after-last-ticket', lastTicket: '15:00', message: '…' } as const;
    expect(screenAfterIssue({ outcome: 'refused', refusal })).toEqual({ kind: 'refused', refusal });
  });

  it('keeps a mistyped booking code on the keypad, to correct it', () => {
    const refusal = { reason: 'unknown-booking-code', message: '…' } as const;
    expect(screenAfterCheckIn({ outcome: 'refused', refusal }, 'WIZ-43')).toEqual({
      kind: 'booking',
      code: 'WIZ-43',
      problem: refusal,
    });
    const cancelled = { reason: 'cancelled', message: '…' } as const;
    expect(screenAfterCheckIn({ outcome: 'refused', refusal: cancelled }, 'WIZ-43').kind).toBe(
      'refused',
    );
  });

  it('tells an appointment on time from a late one', () => {
    const onTime = screenAfterCheckIn(
      { outcome: 'checked-in', dueAt: '2026-03-02T09:20:00.000Z', ...issued },
      'WIZ-42',
    );
    expect(onTime.kind === 'ticket' && onTime.ticket.appointment).toEqual({
      kind: 'on-time',
      dueAt: '2026-03-02T09:20:00.000Z',
    });
    const late = screenAfterCheckIn(
      {
        outcome: 'late-ordinary-ticket',
        dueAt: '2026-03-02T08:00:00.000Z',
        graceMinutes: 15,
        message: '…',
        ...issued,
      },
      'WIZ-42',
    );
    expect(late.kind === 'ticket' && late.ticket.appointment).toEqual({
      kind: 'late',
      graceMinutes: 15,
    });
  });
});
