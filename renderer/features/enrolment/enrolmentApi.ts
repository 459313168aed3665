import type { EnrolmentState } from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';
import { followEventOnceLoaded } from '../../app/followEvent';

/** Whether this PC must be enrolled first; kept live by `enrolment:changed`. */
export const enrolmentApi = clerkApi.injectEndpoints({
  endpoints: (builder) => ({
    enrolmentState: builder.query<EnrolmentState, void>({
      query: () => ({ channel: 'enrolment:state', payload: {} }),
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventOnceLoaded('enrolment:changed', lifecycle, (state) =>
          lifecycle.updateCachedData(() => state),
        ),
    }),
    enrol: builder.mutation<EnrolmentState, { centralUrl: string; code: string }>({
      query: (request) => ({ channel: 'enrolment:enrol', payload: request }),
      // The window moves on to the login screen as soon as main answers.
      async onQueryStarted(_request, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(enrolmentApi.util.upsertQueryData('enrolmentState', undefined, data));
      },
    }),
  }),
});

export const { useEnrolmentStateQuery, useEnrolMutation } = enrolmentApi;
