import type { UpdateState } from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';

/**
 * The app's update state (common/contract/updates.ts): read once, then followed live
 * (`updates:changed` replaces it). Installing answers the new state (the app restarts after it).
 */
export const updatesApi = clerkApi.injectEndpoints({
  endpoints: (builder) => ({
    updateState: builder.query<UpdateState, void>({
      query: () => ({ channel: 'updates:state', payload: {} }),
      async onCacheEntryAdded(_arg, { updateCachedData, cacheDataLoaded, cacheEntryRemoved }) {
        // An event that arrives before the first answer is newer than it: kept and applied.
        let early: UpdateState | null = null;
        let loaded = false;
        const stop = window.clerk.on('updates:changed', (state) => {
          if (loaded) updateCachedData(() => state);
          else early = state;
        });
        try {
          await cacheDataLoaded;
          loaded = true;
          if (early) {
            const state: UpdateState = early;
            updateCachedData(() => state);
          }
        } catch {
          // Gone before it loaded, or refused: the query's error shows it.
        }
        await cacheEntryRemoved;
        stop();
      },
    }),
    installUpdateNow: builder.mutation<UpdateState, void>({
      query: () => ({ channel: 'updates:installNow', payload: {} }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(updatesApi.util.updateQueryData('updateState', undefined, () => data));
      },
    }),
  }),
});

export const { useUpdateStateQuery, useInstallUpdateNowMutation } = updatesApi;
