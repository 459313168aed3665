import type { UpdateState } from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';
import { followEventFromStart } from '../../app/followEvent';

/**
 * The app's update state (common/contract/updates.ts): read once, then followed live
 * (`updates:changed` replaces it). Installing answers the new state (the app restarts after it).
 */
export const updatesApi = clerkApi.injectEndpoints({
  endpoints: (builder) => ({
    updateState: builder.query<UpdateState, void>({
      query: () => ({ channel: 'updates:state', payload: {} }),
      onCacheEntryAdded: (_arg, lifecycle) => {
        const replace = (state: UpdateState) => lifecycle.updateCachedData(() => state);
        // An event that arrives before the first answer is newer than it: kept and applied.
        return followEventFromStart('updates:changed', lifecycle, {
          apply: replace,
          missed: replace,
        });
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
