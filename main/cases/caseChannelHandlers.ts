import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import type { CaseService } from './caseService';

const DEFAULT_SEARCH_LIMIT = 20;

export type CasesChannel = Extract<keyof ChannelHandlers, `cases:${string}`>;

/** The case form's channels (docs/cases.md). */
export function casesChannelHandlers(cases: CaseService): Pick<ChannelHandlers, CasesChannel> {
  return {
    'cases:createDraft': ({ data }) => cases.createDraft(data ?? {}),
    'cases:saveDraft': ({ draftId, data }) => cases.saveDraft(draftId, data),
    'cases:getDraft': ({ draftId }) => cases.getDraft(draftId),
    'cases:listDrafts': () => ({ drafts: cases.listDrafts() }),
    'cases:discardDraft': ({ draftId }) => {
      cases.discardDraft(draftId);
      return { discarded: true as const };
    },
    'cases:submit': ({ draftId }) => cases.submit(draftId),
    'cases:get': ({ caseId }) => cases.get(caseId),
    'cases:search': ({ query, limit }) => ({
      results: cases.search(query, limit ?? DEFAULT_SEARCH_LIMIT),
    }),
  };
}
