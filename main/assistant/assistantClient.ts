import { queuePaths } from '../../common/contract/central/paths';
import {
  issueTicketResponseSchema,
  redirectTicketResponseSchema,
  type IssueTicketResponse,
  type RedirectAtSiteRequest,
  type Ticket,
  type TicketChecklist,
} from '../../common/contract/central/queue';
import type { Clock } from '../app/clock';
import type { FetchFn } from '../central/centralHealthCheck';
import { createCentralHttp, type CentralResult } from '../sync/centralHttp';

export type AssistantClientOptions = {
  baseUrl: string;
  fetchFn: FetchFn;
  clock: Clock;
  workstationToken: () => string | null;
  /** A resident stands at the desk waiting for the answer, so not long. */
  timeoutMs?: number;
};

/**
 * The Resident Assistant's two requests to the central queue engine (docs/queue-engine.md):
 * issue a ticket with the checklist, and redirect a waiting ticket named by its paper number.
 * Each answer is validated with the contract; each failure is classified by `createCentralHttp`.
 */
export function createAssistantClient(options: AssistantClientOptions) {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const request = createCentralHttp(options);

  return {
    issueTicket(
      siteId: string,
      sessionToken: string,
      body: { categoryId: string; priority: boolean; checklist: TicketChecklist },
    ): Promise<CentralResult<IssueTicketResponse>> {
      return request(issueTicketResponseSchema, {
        method: 'POST',
        path: queuePaths.assistantTickets(siteId),
        body: { ...body, source: 'assistant' },
        sessionToken,
        timeoutMs,
      });
    },
    redirectTicket(
      siteId: string,
      sessionToken: string,
      body: RedirectAtSiteRequest,
    ): Promise<CentralResult<{ ticket: Ticket }>> {
      return request(redirectTicketResponseSchema, {
        method: 'POST',
        path: queuePaths.redirectAtSite(siteId),
        body,
        sessionToken,
        timeoutMs,
      });
    },
  };
}

export type AssistantClient = ReturnType<typeof createAssistantClient>;
