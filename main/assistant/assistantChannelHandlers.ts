import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import type { AssistantService } from './assistantService';

export type AssistantChannel = Extract<keyof ChannelHandlers, `assistant:${string}`>;

/** The Resident Assistant's desk: issue a ticket, redirect a paper ticket. */
export function assistantChannelHandlers(
  assistant: AssistantService,
): Pick<ChannelHandlers, AssistantChannel> {
  return {
    'assistant:issueTicket': (request) => assistant.issueTicket(request),
    'assistant:redirectTicket': (request) => assistant.redirectTicket(request),
  };
}
