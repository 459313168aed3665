import type {
  AssistantErrorCode,
  AssistantIssueTicketRequest,
  AssistantIssueTicketResponse,
  AssistantRedirectTicketResponse,
  AssistantTicket,
} from '../../common/contract';
import type { Ticket } from '../../common/contract/central/queue';
import { ServiceError } from '../ipc/serviceError';
import type { CentralFailure, CentralResult } from '../sync/centralHttp';
import type { AssistantClient } from './assistantClient';

/** The logged-in person's central session, as the auth service holds it. */
export type AssistantSession = { offline: boolean; token: string | null };

export type AssistantServiceOptions = {
  client: Pick<AssistantClient, 'issueTicket' | 'redirectTicket'>;
  /** This PC's site (the workstation config): the desk issues in that building's queues. */
  siteId: string;
  session: () => AssistantSession | null;
};

export type AssistantService = ReturnType<typeof createAssistantService>;

/**
 * The Resident Assistant's desk in main: issues a ticket or redirects the resident's paper
 * ticket through the central queue engine, with the session of the person logged in. There is
 * nothing to do offline: a ticket only exists on the central server.
 */
export function createAssistantService(options: AssistantServiceOptions) {
  function sessionToken(): string {
    const session = options.session();
    if (!session) throw assistantError('no-session', 'Nikt nie jest zalogowany: zaloguj się.');
    if (session.offline || !session.token) {
      throw assistantError(
        'no-session',
        'Zalogowano bez serwera centralnego: wydawanie biletów wymaga ponownego logowania, gdy serwer odpowiada.',
      );
    }
    return session.token;
  }

  return {
    async issueTicket(request: AssistantIssueTicketRequest): Promise<AssistantIssueTicketResponse> {
      const answer = unwrap(
        await options.client.issueTicket(options.siteId, sessionToken(), request),
      );
      if (answer.outcome === 'refused') return answer;
      return {
        outcome: 'issued',
        ticket: toAssistantTicket(answer.ticket),
        categoryName: answer.categoryName,
        position: answer.position,
        estimatedWaitMinutes: answer.estimatedWaitMinutes,
      };
    },

    async redirectTicket(request: {
      ticketNumber: string;
      toCategoryId: string;
      checklist: AssistantIssueTicketRequest['checklist'];
    }): Promise<AssistantRedirectTicketResponse> {
      const answer = unwrap(
        await options.client.redirectTicket(options.siteId, sessionToken(), {
          ticket: { number: request.ticketNumber },
          toCategoryId: request.toCategoryId,
          checklist: request.checklist,
        }),
      );
      return { ticket: toAssistantTicket(answer.ticket) };
    },
  };
}

function toAssistantTicket(ticket: Ticket): AssistantTicket {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    categoryId: ticket.categoryId,
    priority: ticket.priority,
    queuedAt: ticket.queuedAt,
    checklist: ticket.checklist,
  };
}

function unwrap<T>(result: CentralResult<T>): T {
  if (result.ok) return result.value;
  throw errorFromFailure(result.failure);
}

function assistantError(
  code: AssistantErrorCode,
  message: string,
): ServiceError<AssistantErrorCode> {
  return new ServiceError(code, message);
}

/** A failed request as the desk words it; the renderer has its own words for each code. */
export function errorFromFailure(failure: CentralFailure): ServiceError<AssistantErrorCode> {
  switch (failure.kind) {
    case 'unreachable':
      return assistantError(
        'offline',
        `Serwer centralny nie odpowiada (${failure.message}): nie wydano ani nie przekierowano biletu.`,
      );
    case 'unauthorized':
      return assistantError(
        'no-session',
        `Serwer centralny nie przyjął sesji: zaloguj się ponownie (${failure.message}).`,
      );
    case 'rate-limited':
      return assistantError('refused', 'Zbyt wiele poleceń naraz. Spróbuj ponownie za chwilę.');
    case 'rejected':
      if (failure.reason === 'unknown-ticket' || failure.reason === 'ticket-not-waiting') {
        return assistantError(failure.reason, failure.message);
      }
      return assistantError(
        'refused',
        failure.reason ? `${failure.message} (${failure.reason})` : failure.message,
      );
  }
}
