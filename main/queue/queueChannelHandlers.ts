import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import type { QueueService } from './queueService';

export type QueueChannel = Extract<keyof ChannelHandlers, `queue:${string}`>;

/** The counter panel's channels, each answered with the panel after it (or a typed refusal). */
export function queueChannelHandlers(queue: QueueService): Pick<ChannelHandlers, QueueChannel> {
  return {
    'queue:state': () => queue.state(),
    'queue:open': () => queue.open(),
    'queue:close': () => queue.close(),
    'queue:callNext': () => queue.callNext(),
    'queue:recall': () => queue.recall(),
    'queue:noShow': () => queue.noShow(),
    'queue:bringBack': (ticket) => queue.bringBack(ticket),
    'queue:transfer': (target) => queue.transfer(target),
    'queue:park': () => queue.park(),
    'queue:resumeParked': (ticket) => queue.resumeParked(ticket),
    'queue:callTicket': (ticket) => queue.callTicket(ticket),
    'queue:finish': (visit) => queue.finish(visit),
    'queue:pause': (pause) => queue.pause(pause),
    'queue:resume': () => queue.resume(),
    'queue:walkIn': (walkIn) => queue.walkIn(walkIn),
    'queue:startManualVisit': (visit) => queue.startManualVisit(visit),
    'queue:finishManualVisit': (visit) => queue.finishManualVisit(visit),
  };
}
