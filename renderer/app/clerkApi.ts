import { createApi } from '@reduxjs/toolkit/query/react';
import type { AppInfo, WindowKind } from '../../common/contract';
import { clerkBaseQuery } from './clerkBaseQuery';
import { followEventOnceLoaded } from './followEvent';

export const clerkApi = createApi({
  reducerPath: 'clerkApi',
  baseQuery: clerkBaseQuery,
  endpoints: (builder) => ({
    appInfo: builder.query<AppInfo, void>({
      query: () => ({ channel: 'app:info', payload: {} }),
      // The central status changes under a running window; main pushes it, the cache follows.
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventOnceLoaded('central:statusChanged', lifecycle, (central) => {
          lifecycle.updateCachedData((draft) => {
            draft.central = central;
          });
        }),
    }),
    windowLoaded: builder.mutation<{ recorded: true }, WindowKind>({
      query: (window) => ({ channel: 'app:windowLoaded', payload: { window } }),
    }),
    openWindow: builder.mutation<{ opened: boolean; route: string }, WindowKind>({
      query: (window) => ({ channel: 'app:openWindow', payload: { window } }),
    }),
  }),
});

export const { useAppInfoQuery, useWindowLoadedMutation, useOpenWindowMutation } = clerkApi;
