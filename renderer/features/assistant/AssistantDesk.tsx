import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseType } from '../../../common/contract/central/reference';
import type { ChecklistState } from '../../../common/domain/caseChecklist';
import { useAppInfoQuery } from '../../app/clerkApi';
import { Dialog } from '../../components/Dialog';
import { useReferenceList } from '../reference/referenceApi';
import './assistantDesk.css';
import { CaseTypePicker } from './CaseTypePicker';
import { DeskOutcomeCard } from './DeskOutcomeCard';
import { categoriesAtSite, checklistFor, missingFor, type DocumentStates } from './deskLogic';
import { DocumentChecklist } from './DocumentChecklist';
import { MissingList } from './MissingList';
import { PrintSheet } from './PrintSheet';
import { QueueActions, type DeskOutcome } from './QueueActions';

export { isAssistantOnly } from './deskLogic';

/**
 * The Resident Assistant's desk in the hall: the case type the resident came for, what they
 * brought, what is missing and where to get it (on screen or printed), then a ticket in the
 * case type's queue at this building, or their paper ticket redirected there, with the check
 * attached for the counter clerk.
 */
export function AssistantDesk() {
  const { t } = useTranslation();
  const { data: info } = useAppInfoQuery();
  const caseTypes = useReferenceList('caseType');
  const categories = useReferenceList('category');
  const [caseType, setCaseType] = useState<CaseType | null>(null);
  const [conditions, setConditions] = useState<ReadonlySet<string>>(new Set());
  const [states, setStates] = useState<DocumentStates>({});
  const [outcome, setOutcome] = useState<DeskOutcome | null>(null);
  const [showList, setShowList] = useState(false);
  const [resident, setResident] = useState(0);

  const siteId = info?.config.site.id ?? null;
  const atSite = useMemo(
    () => (caseType && siteId ? categoriesAtSite(caseType, categories ?? [], siteId) : []),
    [caseType, categories, siteId],
  );
  const missing = caseType ? missingFor(caseType, conditions, states) : [];

  function choose(next: CaseType) {
    if (next.id === caseType?.id) return;
    setCaseType(next);
    setConditions(new Set());
    setStates({});
    setOutcome(null);
  }

  function nextResident() {
    setCaseType(null);
    setConditions(new Set());
    setStates({});
    setOutcome(null);
    // A new search field (empty) for the next resident.
    setResident((n) => n + 1);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[data-testid="assistant-case-search"]')?.focus(),
    );
  }

  return (
    <div className="assistant-desk" data-testid="assistant-desk">
      <p className="muted assistant-screen-only">{t('assistant.intro')}</p>
      <div className="assistant-grid assistant-screen-only">
        <div className="assistant-column">
          <CaseTypePicker
            key={resident}
            caseTypes={caseTypes}
            selectedId={caseType?.id ?? null}
            onSelect={choose}
          />
          {caseType ? (
            <DocumentChecklist
              caseType={caseType}
              conditions={conditions}
              states={states}
              onCondition={(id, holds) =>
                setConditions((current) => {
                  const next = new Set(current);
                  if (holds) next.add(id);
                  else next.delete(id);
                  return next;
                })
              }
              onState={(id, state: ChecklistState) =>
                setStates((current) => ({ ...current, [id]: state }))
              }
            />
          ) : null}
        </div>
        {caseType ? (
          <div className="assistant-column">
            <section
              className="panel assistant-section"
              aria-labelledby="assistant-missing-heading"
              data-testid="assistant-missing"
            >
              <h2 id="assistant-missing-heading">
                {t('assistant.missing.heading')}{' '}
                <span className="heading-count" data-testid="assistant-missing-count">
                  {missing.length}
                </span>
              </h2>
              {missing.length === 0 ? (
                <p className="assistant-complete" data-testid="assistant-missing-none">
                  {t('assistant.missing.none')}
                </p>
              ) : (
                <MissingList
                  missing={missing}
                  t={t}
                  whereKey="assistant.missing.whereToGet"
                  testId="assistant-missing-list"
                />
              )}
              <div className="assistant-buttons">
                <button
                  type="button"
                  className="action"
                  data-testid="assistant-print"
                  onClick={() => window.print()}
                >
                  {t('assistant.missing.print')}
                </button>
                <button
                  type="button"
                  className="action"
                  data-testid="assistant-show-list"
                  onClick={() => setShowList(true)}
                >
                  {t('assistant.missing.show')}
                </button>
              </div>
            </section>
            {outcome ? (
              <DeskOutcomeCard outcome={outcome} onNext={nextResident} />
            ) : (
              <QueueActions
                key={caseType.id}
                categories={atSite}
                checklist={checklistFor(caseType, conditions, states)}
                onDone={setOutcome}
              />
            )}
          </div>
        ) : null}
      </div>
      {caseType ? <PrintSheet caseType={caseType} missing={missing} /> : null}
      {caseType && showList ? (
        <Dialog
          title={`${t('assistant.missing.heading')}: ${caseType.name}`}
          onClose={() => setShowList(false)}
          testId="assistant-missing-view"
          wide
        >
          <div className="assistant-big-list">
            {missing.length === 0 ? (
              <p>{t('assistant.missing.none')}</p>
            ) : (
              <MissingList
                missing={missing}
                t={t}
                whereKey="assistant.missing.whereToGet"
                testId="assistant-missing-view-list"
              />
            )}
          </div>
          <div className="dialog-actions">
            <button
              type="button"
              className="action action-primary"
              onClick={() => setShowList(false)}
            >
              {t('assistant.missing.close')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
