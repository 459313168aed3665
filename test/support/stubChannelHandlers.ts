import { channelNames } from '../../common/contract';
import type { ChannelHandlers } from '../../main/ipc/ipcDispatcher';

/**
 * A full handler map for a test that cares about a few channels only: every channel it does
 * not give answers as a bug would (`internal`), so the test does not break each time another
 * domain adds its channels to the contract.
 */
export function withStubHandlers(handlers: Partial<ChannelHandlers>): ChannelHandlers {
  const all: Record<string, unknown> = {};
  for (const channel of channelNames) {
    all[channel] =
      handlers[channel] ??
      (() => {
        throw new Error(`${channel} has no handler in this test`);
      });
  }
  return all as ChannelHandlers;
}
