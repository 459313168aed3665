import type {
  ChannelRequest,
  ExportRequest,
  ExportResult,
  SupervisorView,
} from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';
import { followEventFromStart } from '../../app/followEvent';
import { serverClockSeen } from '../queue/queueSlice';

/** The supervisor's actions: each answers the overview after it. */
export type SupervisorActionChannel =
  | 'supervisor:setCounterCategories'
  | 'supervisor:setCounterState'
  | 'supervisor:moveTicket'
  | 'supervisor:sendMessage';
export type SupervisorAction = {
  [C in SupervisorActionChannel]: { channel: C; payload: ChannelRequest<C> };
}[SupervisorActionChannel];

const supervisorApiBase = clerkApi.enhanceEndpoints({ addTagTypes: ['SupervisorView'] });

/**
 * The shift overview from main: read once, then kept live by `supervisor:overviewChanged` (main
 * asks the central server again on every queue, payment or sync event and pushes the answer).
 * An action answers the overview after it, which goes straight into the cache.
 */
export const supervisorApi = supervisorApiBase.injectEndpoints({
  endpoints: (builder) => ({
    supervisorView: builder.query<SupervisorView, void>({
      query: () => ({ channel: 'supervisor:overview', payload: {} }),
      providesTags: ['SupervisorView'],
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const answer = await queryFulfilled.catch(() => null);
        const now = answer?.data.overview?.now;
        if (now) dispatch(serverClockSeen({ serverNow: now, localNow: Date.now() }));
      },
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventFromStart('supervisor:overviewChanged', lifecycle, {
          apply: (view) => {
            lifecycle.updateCachedData(() => view);
            // The time at a ticket counts from the server's instants, whatever this PC's clock says.
            if (view.overview) {
              lifecycle.dispatch(
                serverClockSeen({ serverNow: view.overview.now, localNow: Date.now() }),
              );
            }
          },
          missed: () =>
            lifecycle.dispatch(supervisorApiBase.util.invalidateTags(['SupervisorView'])),
        }),
    }),
    supervisorAction: builder.mutation<SupervisorView, SupervisorAction>({
      query: (action) => action,
      async onQueryStarted(_action, { dispatch, queryFulfilled }) {
        const answer = await queryFulfilled.catch(() => null);
        if (!answer) return;
        dispatch(
          supervisorApi.util.updateQueryData('supervisorView', undefined, () => answer.data),
        );
      },
    }),
    supervisorExport: builder.mutation<ExportResult, ExportRequest>({
      query: (request) => ({ channel: 'supervisor:export', payload: request }),
    }),
  }),
});

export const { useSupervisorViewQuery, useSupervisorActionMutation, useSupervisorExportMutation } =
  supervisorApi;
