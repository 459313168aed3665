import type { CounterMessage } from '../../../common/contract/central/supervisor';
import { clerkApi } from '../../app/clerkApi';
import { followEventOnceLoaded } from '../../app/followEvent';

/**
 * The supervisor's messages to this counter, as they arrive (`supervisor:counterMessage`): kept
 * in the cache until the clerk dismisses them; nothing to ask main for at the start.
 */
export const counterMessagesApi = clerkApi.injectEndpoints({
  endpoints: (builder) => ({
    counterMessages: builder.query<CounterMessage[], void>({
      queryFn: () => ({ data: [] }),
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventOnceLoaded('supervisor:counterMessage', lifecycle, (message) => {
          lifecycle.updateCachedData((messages) => {
            if (!messages.some((seen) => seen.messageId === message.messageId)) {
              messages.push(message);
            }
          });
        }),
    }),
  }),
});

export const { useCounterMessagesQuery } = counterMessagesApi;

/** The clerk closed a message: it leaves the counter's screen. */
export const counterMessageDismissed = (messageId: string) =>
  counterMessagesApi.util.updateQueryData('counterMessages', undefined, (messages) =>
    messages.filter((message) => message.messageId !== messageId),
  );
