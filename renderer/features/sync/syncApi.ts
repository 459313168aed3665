import type { FailedMutation, SyncStatus } from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';
import { followEventFromStart } from '../../app/followEvent';

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
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventFromStart('sync:statusChanged', lifecycle, {
          apply: (status) => {
            const before = lifecycle.getCacheEntry().data;
            lifecycle.updateCachedData(() => status);
            if (before?.failed !== status.failed) {
              lifecycle.dispatch(syncApiBase.util.invalidateTags(['FailedMutations']));
            }
          },
          missed: () => lifecycle.dispatch(syncApiBase.util.invalidateTags(['SyncStatus'])),
        }),
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
