import type {
  CheckInRefusal,
  CheckInResponse,
  IssueRefusal,
  IssueTicketResponse,
} from '../../common/contract/central/queue';

/** A ticket as the kiosk shows and prints it. */
export type ShownTicket = {
  number: string;
  categoryName: string;
  /** People ahead in the queue (the answer's position, less the resident). */
  ahead: number;
  estimatedWaitMinutes: number;
  issuedAt: string;
  /** An appointment checked in on time (called at `dueAt`), or late (an ordinary ticket). */
  appointment: { kind: 'on-time'; dueAt: string } | { kind: 'late'; graceMinutes: number } | null;
};

/** What the kiosk shows: one screen at a time, every screen but the start one times out. */
export type KioskScreen =
  | { kind: 'start' }
  | { kind: 'booking'; code: string; problem: CheckInRefusal | null }
  | { kind: 'working'; what: 'issuing' | 'checking-in' }
  | { kind: 'ticket'; ticket: ShownTicket }
  | { kind: 'refused'; refusal: IssueRefusal | CheckInRefusal }
  | { kind: 'failed' };

/** Seconds of no touch or key before a screen returns to the start (the next resident's). */
export const SCREEN_TIMEOUT_SECONDS: Record<Exclude<KioskScreen['kind'], 'start'>, number> = {
  booking: 60,
  // A request has its own timeout; this only guards against a screen left for good.
  working: 30,
  ticket: 20,
  refused: 15,
  failed: 10,
};

/** The screen after a ticket was asked for. */
export function screenAfterIssue(response: IssueTicketResponse): KioskScreen {
  if (response.outcome === 'refused') return { kind: 'refused', refusal: response.refusal };
  return {
    kind: 'ticket',
    ticket: {
      number: response.ticket.number,
      categoryName: response.categoryName,
      ahead: Math.max(0, response.position - 1),
      estimatedWaitMinutes: response.estimatedWaitMinutes,
      issuedAt: response.ticket.issuedAt,
      appointment: null,
    },
  };
}

/**
 * The screen after a booking code was checked in. A code the server does not know keeps the
 * resident on the keypad with the code typed, to correct a mistyped character.
 */
export function screenAfterCheckIn(response: CheckInResponse, code: string): KioskScreen {
  if (response.outcome === 'refused') {
    return response.refusal.reason === 'unknown-booking-code'
      ? { kind: 'booking', code, problem: response.refusal }
      : { kind: 'refused', refusal: response.refusal };
  }
  return {
    kind: 'ticket',
    ticket: {
      number: response.ticket.number,
      categoryName: response.categoryName,
      ahead: Math.max(0, response.position - 1),
      estimatedWaitMinutes: response.estimatedWaitMinutes,
      issuedAt: response.ticket.issuedAt,
      appointment:
        response.outcome === 'checked-in'
          ? { kind: 'on-time', dueAt: response.dueAt }
          : { kind: 'late', graceMinutes: response.graceMinutes },
    },
  };
}
