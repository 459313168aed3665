import type { ChannelName, ChannelRequest, QueuePanel } from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';
import { followEventFromStart } from '../../app/followEvent';
import { serverClockSeen } from './queueSlice';

/** Every queue channel that changes something (all but `queue:state`). */
export type QueueCommandChannel = Exclude<Extract<ChannelName, `queue:${string}`>, 'queue:state'>;
export type QueueCommand = {
  [C in QueueCommandChannel]: { channel: C; payload: ChannelRequest<C> };
}[QueueCommandChannel];

const queueApiBase = clerkApi.enhanceEndpoints({ addTagTypes: ['QueuePanel'] });

/**
 * The counter panel from main: read once, then kept live by `queue:changed` (main reads the
 * engine again on every `queue.changed` live event, and polls as a fallback). A command answers
 * the panel after it, which goes straight into the cache.
 */
export const queueApi = queueApiBase.injectEndpoints({
  endpoints: (builder) => ({
    queuePanel: builder.query<QueuePanel, void>({
      query: () => ({ channel: 'queue:state', payload: {} }),
      providesTags: ['QueuePanel'],
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const answer = await queryFulfilled.catch(() => null);
        if (answer) dispatch(serverClockSeen({ serverNow: answer.data.now, localNow: Date.now() }));
      },
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventFromStart('queue:changed', lifecycle, {
          apply: (panel) => {
            lifecycle.updateCachedData(() => panel);
            lifecycle.dispatch(serverClockSeen({ serverNow: panel.now, localNow: Date.now() }));
          },
          missed: () => lifecycle.dispatch(queueApiBase.util.invalidateTags(['QueuePanel'])),
        }),
    }),
    queueCommand: builder.mutation<QueuePanel, QueueCommand>({
      query: (command) => command,
      async onQueryStarted(_command, { dispatch, queryFulfilled }) {
        const answer = await queryFulfilled.catch(() => null);
        if (!answer) return;
        dispatch(queueApi.util.updateQueryData('queuePanel', undefined, () => answer.data));
        dispatch(serverClockSeen({ serverNow: answer.data.now, localNow: Date.now() }));
      },
    }),
  }),
});

export const { useQueuePanelQuery, useQueueCommandMutation } = queueApi;
