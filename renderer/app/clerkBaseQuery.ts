import type { BaseQueryFn } from '@reduxjs/toolkit/query/react';
import type { ChannelName, ChannelRequest, IpcError } from '../../common/contract';

export type ClerkQueryArgs = {
  [C in ChannelName]: { channel: C; payload: ChannelRequest<C> };
}[ChannelName];

/**
 * RTK Query's base query over `window.clerk.invoke`: server state reaches Redux only through
 * here, so components and reducers never touch the transport.
 */
export const clerkBaseQuery: BaseQueryFn<ClerkQueryArgs, unknown, IpcError> = async ({
  channel,
  payload,
}) => {
  const result = await window.clerk.invoke(channel, payload as never);
  return result.ok ? { data: result.value } : { error: result.error };
};
