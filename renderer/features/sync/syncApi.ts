import type { FailedMutation, SyncStatus } from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';

/**
 * The sync status and the refused changes, from main. The status follows `sync:statusChanged`
 * live; the list of refused changes is fetched again whenever their count changes.
 */
const syncApiBase = clerkApi.enhanceEndpoints({ addTagTypes: ['SyncStatus', 'FailedMutations'] });

export const syncApi = syncApiBase.injectEndpoints({
  endpoints: (builder) => ({
    syncStatus: builder.query<SyncStatus, void>({
      query: () => ({ channel: 'sync:status', payload: {} }),
      providesTags: ['SyncStatus'],
      async onCacheEntryAdded(
        _arg,
        { updateCachedData, cacheDataLoaded, cacheEntryRemoved, dispatch, getCacheEntry },
      ) {
        // Listen before the first answer arrives, so a change made meanwhile is not lost: one
        // that came too early is fetched again once the first answer is in.
        let missed = false;
        let loaded = false;
        const stop = window.clerk.on('sync:statusChanged', (status) => {
          if (!loaded) {
            missed = true;
            return;
          }
          const before = getCacheEntry().data;
          updateCachedData(() => status);
          if (before?.failed !== status.failed) {
            dispatch(syncApiBase.util.invalidateTags(['FailedMutations']));
          }
        });
        try {
          await cacheDataLoaded;
          loaded = true;
          if (missed) dispatch(syncApiBase.util.invalidateTags(['SyncStatus']));
        } catch {
          // The entry went away before it loaded; nothing to follow.
        }
        await cacheEntryRemoved;
        stop();
      },
    }),
    failedMutations: builder.query<FailedMutation[], void>({
      query: () => ({ channel: 'sync:failedMutations', payload: {} }),
      transformResponse: (value: { mutations: FailedMutation[] }) => value.mutations,
      providesTags: ['FailedMutations'],
    }),
    retryFailed: builder.mutation<SyncStatus, string>({
      query: (id) => ({ channel: 'sync:retryFailed', payload: { id } }),
      invalidatesTags: ['FailedMutations'],
    }),
    discardFailed: builder.mutation<SyncStatus, string>({
      query: (id) => ({ channel: 'sync:discardFailed', payload: { id } }),
      invalidatesTags: ['FailedMutations'],
    }),
    syncNow: builder.mutation<SyncStatus, void>({
      query: () => ({ channel: 'sync:syncNow', payload: {} }),
    }),
  }),
});

export const {
  useSyncStatusQuery,
  useFailedMutationsQuery,
  useRetryFailedMutation,
  useDiscardFailedMutation,
  useSyncNowMutation,
} = syncApi;
