import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDraftSummary } from '../../../common/contract';
import type { CaseType } from '../../../common/contract/central/reference';
import { formatDateTime } from './caseFormat';
import { useDiscardDraftMutation, useListDraftsQuery } from './casesApi';

/**
 * The clerk's unfinished drafts on this PC, newest first: whose (PESEL masked), which case
 * type, which ticket, when last touched. Each can be resumed, or deleted after a confirmation.
 */
export function DraftsList({
  caseTypes,
  currentDraftId,
  onResume,
  onDiscarded,
}: {
  caseTypes: readonly CaseType[] | undefined;
  currentDraftId: string | null;
  onResume: (draftId: string) => void;
  onDiscarded: (draftId: string) => void;
}) {
  const { t } = useTranslation();
  const { data: drafts } = useListDraftsQuery();
  return (
    <section className="case-drafts" aria-labelledby="case-drafts-heading">
      <h3 id="case-drafts-heading">{t('cases.drafts.heading')}</h3>
      {!drafts ? null : drafts.length === 0 ? (
        <p className="case-hint" data-testid="case-drafts-empty">
          {t('cases.drafts.empty')}
        </p>
      ) : (
        <ul className="case-draft-list" data-testid="case-drafts">
          {drafts.map((draft) => (
            <DraftItem
              key={draft.draftId}
              draft={draft}
              current={draft.draftId === currentDraftId}
              caseTypeName={
                draft.caseTypeId === null
                  ? t('cases.drafts.noCaseType')
                  : (caseTypes?.find((caseType) => caseType.id === draft.caseTypeId)?.name ??
                    draft.caseTypeId)
              }
              onResume={() => onResume(draft.draftId)}
              onDiscarded={() => onDiscarded(draft.draftId)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function DraftItem({
  draft,
  current,
  caseTypeName,
  onResume,
  onDiscarded,
}: {
  draft: CaseDraftSummary;
  current: boolean;
  caseTypeName: string;
  onResume: () => void;
  onDiscarded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [discard, { isLoading }] = useDiscardDraftMutation();
  const name = draft.applicantName.trim() === '' ? t('cases.drafts.noName') : draft.applicantName;
  return (
    <li data-testid="case-draft" data-draft-id={draft.draftId}>
      <p className="case-draft-who">
        <strong>{name}</strong>
        {draft.peselMasked ? ` · ${draft.peselMasked}` : ''}
        {current ? (
          <span className="case-draft-current"> ({t('cases.drafts.current')})</span>
        ) : null}
      </p>
      <p className="case-draft-what">
        {caseTypeName}
        {draft.ticketNumber ? ` · ${t('cases.drafts.ticket', { number: draft.ticketNumber })}` : ''}
        {' · '}
        {formatDateTime(draft.updatedAt, i18n.language)}
      </p>
      {confirming ? (
        <div className="case-draft-confirm" role="group" aria-label={t('cases.drafts.confirm')}>
          <span>{t('cases.drafts.confirm')}</span>
          <button
            type="button"
            className="action"
            disabled={isLoading}
            data-testid="case-draft-discard-yes"
            onClick={() =>
              void discard(draft.draftId)
                .unwrap()
                .then(onDiscarded, () => setConfirming(false))
            }
          >
            {t('cases.drafts.confirmYes')}
          </button>
          <button
            type="button"
            className="action"
            // The question takes the focus, so it can be answered at once: No is the safe one.
            autoFocus
            onClick={() => setConfirming(false)}
            data-testid="case-draft-discard-no"
          >
            {t('cases.drafts.confirmNo')}
          </button>
        </div>
      ) : (
        <div className="case-draft-actions">
          <button
            type="button"
            className="action"
            onClick={onResume}
            aria-label={t('cases.drafts.resumeLabel', { name })}
            data-testid="case-draft-resume"
          >
            {t('cases.drafts.resume')}
          </button>
          <button
            type="button"
            className="action"
            onClick={() => setConfirming(true)}
            aria-label={t('cases.drafts.discardLabel', { name })}
            data-testid="case-draft-discard"
          >
            {t('cases.drafts.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
