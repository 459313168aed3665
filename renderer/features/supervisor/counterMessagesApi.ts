import type { CounterMessage } from '../../../common/contract/central/supervisor';
import { clerkApi } from '../../app/clerkApi';

/**
 * The supervisor's messages to this counter, as they arrive (`supervisor:counterMessage`): kept
 * in the cache until the clerk dismisses them; nothing to ask main for at the start.
 */
export const counterMessagesApi = clerkApi.injectEndpoints({
  endpoints: (builder) => ({
    counterMessages: builder.query<CounterMessage[], void>({
      queryFn: () => ({ data: [] }),
      async onCacheEntryAdded(_arg, { updateCachedData, cacheDataLoaded, cacheEntryRemoved }) {
        await cacheDataLoaded.catch(() => undefined);
        const stop = window.clerk.on('supervisor:counterMessage', (message) => {
          updateCachedData((messages) => {
            if (!messages.some((seen) => seen.messageId === message.messageId)) {
              messages.push(message);
            }
          });
        });
        await cacheEntryRemoved;
        stop();
      },
    }),
  }),
});

export const { useCounterMessagesQuery } = counterMessagesApi;

/** The clerk closed a message: it leaves the counter's screen. */
export const counterMessageDismissed = (messageId: string) =>
  counterMessagesApi.util.updateQueryData('counterMessages', undefined, (messages) =>
    messages.filter((message) => message.messageId !== messageId),
  );
