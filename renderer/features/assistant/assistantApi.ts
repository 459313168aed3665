import type {
  AssistantIssueTicketRequest,
  AssistantIssueTicketResponse,
  AssistantRedirectTicketRequest,
  AssistantRedirectTicketResponse,
} from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';

/** The Resident Assistant's desk: issue a ticket, redirect a paper ticket (through main). */
export const assistantApi = clerkApi.injectEndpoints({
  endpoints: (builder) => ({
    issueTicket: builder.mutation<AssistantIssueTicketResponse, AssistantIssueTicketRequest>({
      query: (payload) => ({ channel: 'assistant:issueTicket', payload }),
    }),
    redirectTicket: builder.mutation<
      AssistantRedirectTicketResponse,
      AssistantRedirectTicketRequest
    >({
      query: (payload) => ({ channel: 'assistant:redirectTicket', payload }),
    }),
  }),
});

export const { useIssueTicketMutation, useRedirectTicketMutation } = assistantApi;
