import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import type { UpdateService } from './updateService';

export type UpdatesChannel = Extract<keyof ChannelHandlers, `updates:${string}`>;

/** The counter window's update banner (docs/ipc.md, docs/updates.md). */
export function updatesChannelHandlers(
  updates: UpdateService,
): Pick<ChannelHandlers, UpdatesChannel> {
  return {
    'updates:state': () => updates.state(),
    'updates:installNow': () => updates.installNow(),
  };
}
