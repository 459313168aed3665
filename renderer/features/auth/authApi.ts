import type { ClerkSession, SessionState } from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';
import { followEventFromStart } from '../../app/followEvent';

/** Who is logged in at this PC: fetched once, then kept live by `auth:sessionChanged`. */
const authApiBase = clerkApi.enhanceEndpoints({ addTagTypes: ['Session'] });

export const authApi = authApiBase.injectEndpoints({
  endpoints: (builder) => ({
    session: builder.query<SessionState, void>({
      query: () => ({ channel: 'auth:session', payload: {} }),
      providesTags: ['Session'],
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventFromStart('auth:sessionChanged', lifecycle, {
          apply: (state) => lifecycle.updateCachedData(() => state),
          missed: () => lifecycle.dispatch(authApiBase.util.invalidateTags(['Session'])),
        }),
    }),
    login: builder.mutation<ClerkSession, { login: string; password: string }>({
      query: (credentials) => ({ channel: 'auth:login', payload: credentials }),
      // The event carries it too; this makes the window that logged in move on at once.
      async onQueryStarted(_credentials, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (!data) return;
        dispatch(
          authApi.util.updateQueryData('session', undefined, (draft) => {
            draft.session = data;
          }),
        );
      },
    }),
    logout: builder.mutation<{ loggedOut: true }, void>({
      query: () => ({ channel: 'auth:logout', payload: {} }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const done = await queryFulfilled.then(
          () => true,
          () => false,
        );
        if (!done) return;
        dispatch(
          authApi.util.updateQueryData('session', undefined, (draft) => {
            draft.session = null;
          }),
        );
      },
    }),
  }),
});

export const { useSessionQuery, useLoginMutation, useLogoutMutation } = authApi;
