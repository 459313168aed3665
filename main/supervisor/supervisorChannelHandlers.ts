import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import type { SupervisorService } from './supervisorService';

export type SupervisorChannel = Extract<keyof ChannelHandlers, `supervisor:${string}`>;

/** The supervisor's window: the overview, the actions, the day's exports (role-checked in the service). */
export function supervisorChannelHandlers(
  supervisor: SupervisorService,
): Pick<ChannelHandlers, SupervisorChannel> {
  return {
    'supervisor:overview': () => supervisor.overview(),
    'supervisor:setCounterCategories': (request) => supervisor.setCounterCategories(request),
    'supervisor:setCounterState': (request) => supervisor.setCounterState(request),
    'supervisor:moveTicket': (request) => supervisor.moveTicket(request),
    'supervisor:sendMessage': (request) => supervisor.sendMessage(request),
    'supervisor:export': (request) => supervisor.export(request),
  };
}
