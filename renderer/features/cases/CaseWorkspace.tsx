import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDraft, CaseDraftInput, IpcError } from '../../../common/contract';
import { useReferenceList } from '../reference/referenceApi';
import { CaseForm } from './CaseForm';
import { focusFormStart } from './focusFormStart';
import { casesErrorText } from './caseMessages';
import { useCreateDraftMutation, useGetDraftMutation } from './casesApi';
import { CaseSearch } from './CaseSearch';
import { CaseView } from './CaseView';
import { DraftsList } from './DraftsList';

type Open =
  { kind: 'none' } | { kind: 'draft'; draft: CaseDraft } | { kind: 'case'; caseId: string };

function sameTicket(draft: CaseDraft, start: CaseDraftInput): boolean {
  return (draft.data.ticket?.ticketId ?? null) === (start.ticket?.ticketId ?? null);
}

/**
 * The clerk's case desk: the form (or a submitted case), the search of cached cases and the
 * drafts to resume. `startSignal` going up asks for a draft for `newDraft()` (the counter's F10):
 * the open draft when it is for the same ticket, else a new one. The "New case" button always
 * starts a new one: a resident may bring two cases.
 */
export function CaseWorkspace({
  newDraft,
  startSignal,
  onBack,
}: {
  newDraft: () => CaseDraftInput;
  startSignal: number;
  onBack?: () => void;
}) {
  const { t } = useTranslation();
  const caseTypes = useReferenceList('caseType');
  const departments = useReferenceList('department');
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [failure, setFailure] = useState<string | null>(null);
  const [createDraft, { isLoading: creating }] = useCreateDraftMutation();
  const [getDraft] = useGetDraftMutation();

  async function start(data: CaseDraftInput): Promise<void> {
    setFailure(null);
    try {
      setOpen({ kind: 'draft', draft: await createDraft(data).unwrap() });
    } catch (error) {
      setFailure(casesErrorText(t, error as IpcError));
    }
  }

  async function resume(draftId: string): Promise<void> {
    setFailure(null);
    try {
      setOpen({ kind: 'draft', draft: await getDraft(draftId).unwrap() });
    } catch (error) {
      setFailure(casesErrorText(t, error as IpcError));
    }
  }

  const latest = useRef({ newDraft, open, start });
  useEffect(() => {
    latest.current = { newDraft, open, start };
  });
  useEffect(() => {
    if (startSignal === 0) return;
    const { newDraft: data, open: current, start: begin } = latest.current;
    const wanted = data();
    if (current.kind === 'draft' && sameTicket(current.draft, wanted)) focusFormStart();
    else void begin(wanted);
  }, [startSignal]);

  const currentDraftId = open.kind === 'draft' ? open.draft.draftId : null;

  return (
    <div className="case-workspace" data-testid="case-workspace">
      <div className="case-toolbar" role="group" aria-label={t('cases.workspaceLabel')}>
        <h2>{t('cases.title')}</h2>
        <button
          type="button"
          className="action action-primary"
          aria-disabled={creating}
          onClick={() => void start(newDraft())}
          data-testid="case-new"
        >
          {t('cases.newCase')}
        </button>
        {onBack ? (
          <button
            type="button"
            className="action"
            onClick={onBack}
            aria-keyshortcuts="Escape"
            data-testid="case-back"
          >
            {t('cases.backToQueue')} <kbd>Esc</kbd>
          </button>
        ) : null}
      </div>
      {failure ? (
        <p role="alert" className="error" data-testid="case-workspace-error">
          {failure}
        </p>
      ) : null}
      <div className="case-grid">
        <div className="case-main">
          {open.kind === 'draft' ? (
            <CaseForm
              key={open.draft.draftId}
              draft={open.draft}
              caseTypes={caseTypes}
              departments={departments}
              onSubmitted={(record) => setOpen({ kind: 'case', caseId: record.caseId })}
              onClose={() => setOpen({ kind: 'none' })}
            />
          ) : open.kind === 'case' ? (
            <CaseView caseId={open.caseId} caseTypes={caseTypes} />
          ) : (
            <p className="case-hint" aria-busy={creating}>
              {creating ? t('cases.starting') : t('cases.empty')}
            </p>
          )}
        </div>
        <aside className="case-side" aria-label={t('cases.title')}>
          <CaseSearch
            caseTypes={caseTypes}
            onOpen={(caseId) => setOpen({ kind: 'case', caseId })}
          />
          <DraftsList
            caseTypes={caseTypes}
            currentDraftId={currentDraftId}
            onResume={(draftId) => void resume(draftId)}
            onDiscarded={(draftId) => {
              if (draftId === currentDraftId) setOpen({ kind: 'none' });
            }}
          />
        </aside>
      </div>
    </div>
  );
}
