import type { ChannelResponse, LabelJob, LabelPreview } from '../../../common/contract';
import type { DepositId } from '../../../common/contract/lockerLabel';
import { clerkApi } from '../../app/clerkApi';
import { followEventFromStart } from '../../app/followEvent';

const labelsApiBase = clerkApi.enhanceEndpoints({ addTagTypes: ['LabelJobs', 'LabelPreview'] });

export type LabelJobs = ChannelResponse<'labels:jobs'>;
export type LabelPrintResult = ChannelResponse<'labels:print'>;

/** How many recent jobs the desk's print queue shows. */
const JOBS_SHOWN = 50;

/**
 * The deposit labels (common/contract/labels.ts): the preview, printing one or a batch, and the
 * print queue, which follows `labels:jobChanged` live; a batch's progress is read from it.
 */
export const labelsApi = labelsApiBase.injectEndpoints({
  endpoints: (builder) => ({
    labelPreview: builder.query<LabelPreview, { depositId: DepositId; reprint: boolean }>({
      query: (payload) => ({ channel: 'labels:preview', payload }),
      providesTags: (_result, _error, { depositId }) => [{ type: 'LabelPreview', id: depositId }],
    }),
    printLabels: builder.mutation<LabelPrintResult, { depositIds: DepositId[]; reprint: boolean }>({
      query: (payload) => ({ channel: 'labels:print', payload }),
      // A reprint's preview counts the labels printed; the queue has new jobs.
      invalidatesTags: (_result, _error, { depositIds }) => [
        'LabelJobs',
        ...depositIds.map((id) => ({ type: 'LabelPreview' as const, id })),
      ],
    }),
    labelJobs: builder.query<LabelJobs, void>({
      query: () => ({ channel: 'labels:jobs', payload: { limit: JOBS_SHOWN } }),
      providesTags: ['LabelJobs'],
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventFromStart('labels:jobChanged', lifecycle, {
          apply: (job) =>
            lifecycle.updateCachedData((draft) => {
              const index = draft.jobs.findIndex((known) => known.jobId === job.jobId);
              if (index === -1) draft.jobs.push(job);
              else draft.jobs[index] = job;
            }),
          missed: () => lifecycle.dispatch(labelsApiBase.util.invalidateTags(['LabelJobs'])),
        }),
    }),
    retryLabelJob: builder.mutation<LabelJob, string>({
      query: (jobId) => ({ channel: 'labels:retry', payload: { jobId } }),
      invalidatesTags: ['LabelJobs'],
    }),
    cancelLabelJob: builder.mutation<LabelJob, string>({
      query: (jobId) => ({ channel: 'labels:cancel', payload: { jobId } }),
      invalidatesTags: ['LabelJobs'],
    }),
  }),
});

export const {
  useLabelPreviewQuery,
  usePrintLabelsMutation,
  useLabelJobsQuery,
  useRetryLabelJobMutation,
  useCancelLabelJobMutation,
} = labelsApi;
