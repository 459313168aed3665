import type {
  CaseDraft,
  CaseDraftData,
  CaseDraftInput,
  CaseDraftSummary,
  CaseRecord,
  CaseSummary,
} from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';
import { followEventFromStart, followEventOnceLoaded } from '../../app/followEvent';

const casesApiBase = clerkApi.enhanceEndpoints({
  addTagTypes: ['CaseDrafts', 'CaseSearch', 'Case'],
});

/**
 * The case form's channels (common/contract/cases.ts). Drafts are saved on every change, so
 * a save does not refetch anything but the list of drafts; a case's number arrives later by
 * `cases:changed`, which the open case and the search results follow live.
 */
export const casesApi = casesApiBase.injectEndpoints({
  endpoints: (builder) => ({
    createDraft: builder.mutation<CaseDraft, CaseDraftInput>({
      query: (data) => ({ channel: 'cases:createDraft', payload: { data } }),
      invalidatesTags: ['CaseDrafts'],
    }),
    saveDraft: builder.mutation<
      { draftId: string; updatedAt: string },
      { draftId: string; data: CaseDraftData }
    >({
      query: (payload) => ({ channel: 'cases:saveDraft', payload }),
      invalidatesTags: ['CaseDrafts'],
    }),
    getDraft: builder.mutation<CaseDraft, string>({
      // A mutation, not a query: a draft is read once to resume it, then the form owns it.
      query: (draftId) => ({ channel: 'cases:getDraft', payload: { draftId } }),
    }),
    listDrafts: builder.query<CaseDraftSummary[], void>({
      query: () => ({ channel: 'cases:listDrafts', payload: {} }),
      transformResponse: (value: { drafts: CaseDraftSummary[] }) => value.drafts,
      providesTags: ['CaseDrafts'],
    }),
    discardDraft: builder.mutation<{ discarded: true }, string>({
      query: (draftId) => ({ channel: 'cases:discardDraft', payload: { draftId } }),
      invalidatesTags: ['CaseDrafts'],
    }),
    submitCase: builder.mutation<CaseRecord, string>({
      query: (draftId) => ({ channel: 'cases:submit', payload: { draftId } }),
      invalidatesTags: ['CaseDrafts', 'CaseSearch'],
    }),
    getCase: builder.query<CaseRecord, string>({
      query: (caseId) => ({ channel: 'cases:get', payload: { caseId } }),
      providesTags: (_result, _error, caseId) => [{ type: 'Case', id: caseId }],
      onCacheEntryAdded: (caseId, lifecycle) => {
        const readAgain = () =>
          lifecycle.dispatch(casesApiBase.util.invalidateTags([{ type: 'Case', id: caseId }]));
        // A number that arrives before the first answer is read again.
        return followEventFromStart('cases:changed', lifecycle, {
          concerns: (change) => change.caseId === caseId,
          apply: (change) => {
            lifecycle.updateCachedData((record) => {
              record.status = change.status;
              record.caseNumber = change.caseNumber;
            });
            // The rejection's reason is only in the record.
            if (change.status === 'rejected') readAgain();
          },
          missed: readAgain,
        });
      },
    }),
    searchCases: builder.query<CaseSummary[], string>({
      query: (query) => ({ channel: 'cases:search', payload: { query, limit: 20 } }),
      transformResponse: (value: { results: CaseSummary[] }) => value.results,
      providesTags: ['CaseSearch'],
      onCacheEntryAdded: (_query, lifecycle) =>
        followEventOnceLoaded('cases:changed', lifecycle, (change) => {
          lifecycle.updateCachedData((results) => {
            const hit = results.find((result) => result.caseId === change.caseId);
            if (hit) {
              hit.status = change.status;
              hit.caseNumber = change.caseNumber;
            }
          });
        }),
    }),
  }),
});

export const {
  useCreateDraftMutation,
  useSaveDraftMutation,
  useGetDraftMutation,
  useListDraftsQuery,
  useDiscardDraftMutation,
  useSubmitCaseMutation,
  useGetCaseQuery,
  useSearchCasesQuery,
} = casesApi;
