import { useTranslation } from 'react-i18next';
import type { CaseType } from '../../../common/contract/central/reference';
import {
  applicableDocuments,
  checklistConditions,
  type ChecklistState,
} from '../../../common/domain/caseChecklist';
import { formatMoney } from '../../../common/domain/money';
import type { DocumentStates } from './deskLogic';

export const CHECKLIST_STATES: readonly ChecklistState[] = ['present', 'missing', 'not-needed'];

/**
 * What applies to the resident (the case type's conditions, as checkboxes) and, per document
 * that applies, whether they have it: a radio group each, so ←/→ or ↑/↓ change the state and
 * Tab goes to the next document.
 */
export function DocumentChecklist(props: {
  caseType: CaseType;
  conditions: ReadonlySet<string>;
  states: DocumentStates;
  onCondition: (conditionId: string, holds: boolean) => void;
  onState: (documentId: string, state: ChecklistState) => void;
}) {
  const { t } = useTranslation();
  const conditions = checklistConditions(props.caseType.documents);
  const documents = applicableDocuments(props.caseType.documents, props.conditions);
  return (
    <section className="panel assistant-section" aria-labelledby="assistant-documents-heading">
      <h2 id="assistant-documents-heading">{t('assistant.documents.heading')}</h2>
      {conditions.length > 0 ? (
        <fieldset className="choice-list" data-testid="assistant-conditions">
          <legend>{t('assistant.documents.conditions')}</legend>
          {conditions.map((condition) => (
            <label key={condition.id} className="choice">
              <input
                type="checkbox"
                checked={props.conditions.has(condition.id)}
                data-testid={`assistant-condition-${condition.id}`}
                onChange={(event) => props.onCondition(condition.id, event.target.checked)}
              />
              {condition.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      {documents.length === 0 ? (
        <p className="muted">{t('assistant.documents.none')}</p>
      ) : (
        <>
          <p className="muted small">{t('assistant.documents.hint')}</p>
          <ul className="assistant-documents">
            {documents.map((document) => {
              const state = props.states[document.id];
              return (
                <li key={document.id}>
                  <fieldset
                    className={`assistant-document assistant-document-${state ?? 'unticked'}`}
                    data-testid={`assistant-document-${document.id}`}
                  >
                    <legend>
                      {document.name}
                      {document.feeGrosze > 0 ? (
                        <span className="muted small"> ({formatMoney(document.feeGrosze)})</span>
                      ) : null}
                      {state ? null : (
                        <span className="muted small"> · {t('assistant.documents.unticked')}</span>
                      )}
                    </legend>
                    {CHECKLIST_STATES.map((option) => (
                      <label key={option} className="assistant-state">
                        <input
                          type="radio"
                          name={`assistant-document-${document.id}`}
                          value={option}
                          checked={state === option}
                          data-testid={`assistant-document-${document.id}-${option}`}
                          onChange={() => props.onState(document.id, option)}
                        />
                        {t(`assistant.documents.states.${option}`)}
                      </label>
                    ))}
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
