import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CaseDraftData } from '../../../common/contract';
import { checklistDocumentStateSchema } from '../../../common/contract/central/queue';
import { type CaseType } from '../../../common/contract/central/reference';
import {
  applicableDocuments,
  checklistConditions,
  REPRESENTATIVE_CONDITION_ID,
} from '../../../common/domain/caseChecklist';
import { formatMoney } from '../../../common/domain/money';
import { useDraftConditions } from './caseDraftWatch';
import { useFieldIssue } from './caseFieldIssues';
import { moneyLocale } from './caseFormat';
import { FieldError } from './FieldError';

/**
 * The case type's documents: the circumstances that bring in conditional ones (ticked here,
 * but the representative's follows the representative section), then each applicable document
 * as present / missing / not applicable, with where to get it when it is missing.
 */
export function DocumentsChecklist({ caseType }: { caseType: CaseType }) {
  const { t, i18n } = useTranslation();
  const { control } = useFormContext<CaseDraftData>();
  const { field: conditionsField } = useController<CaseDraftData, 'conditions'>({
    name: 'conditions',
  });
  const holding = useDraftConditions(control);
  const conditions = checklistConditions(caseType.documents);
  const documents = applicableDocuments(caseType.documents, holding);

  function toggle(conditionId: string, on: boolean): void {
    const others = conditionsField.value.filter((id) => id !== conditionId);
    conditionsField.onChange(on ? [...others, conditionId] : others);
  }

  return (
    <>
      {conditions.length > 0 ? (
        <fieldset className="case-conditions" data-testid="case-conditions">
          <legend>{t('cases.documents.conditions')}</legend>
          <p className="case-hint">{t('cases.documents.conditionsHint')}</p>
          {conditions.map((condition) =>
            condition.id === REPRESENTATIVE_CONDITION_ID ? (
              <label key={condition.id} className="case-choice case-choice-derived">
                <input
                  type="checkbox"
                  checked={holding.has(condition.id)}
                  disabled
                  data-testid={`case-condition-${condition.id}`}
                />
                {condition.label}{' '}
                <span className="case-hint">({t('cases.documents.representativeCondition')})</span>
              </label>
            ) : (
              <label key={condition.id} className="case-choice">
                <input
                  type="checkbox"
                  checked={holding.has(condition.id)}
                  onChange={(event) => toggle(condition.id, event.target.checked)}
                  data-testid={`case-condition-${condition.id}`}
                />
                {condition.label}
              </label>
            ),
          )}
        </fieldset>
      ) : null}
      {documents.length === 0 ? (
        <p className="case-hint">{t('cases.documents.none')}</p>
      ) : (
        <ul className="case-documents" data-testid="case-documents">
          {documents.map((document) => (
            <li key={document.id}>
              <DocumentState
                document={document}
                fee={
                  document.feeGrosze > 0
                    ? t('cases.documents.fee', {
                        amount: formatMoney(document.feeGrosze, moneyLocale(i18n.language)),
                      })
                    : null
                }
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One document as a radio group; the first radio carries the id the issue summary jumps to. */
function DocumentState({
  document,
  fee,
}: {
  document: CaseType['documents'][number];
  fee: string | null;
}) {
  const { t } = useTranslation();
  const { field } = useController<CaseDraftData, 'documents'>({ name: 'documents' });
  const path = `documents.${document.id}`;
  const whereId = `case-where-${document.id}`;
  const state = field.value[document.id];
  const { issue, a11y } = useFieldIssue(path, state === 'missing' ? whereId : undefined);
  return (
    <fieldset
      className={issue ? 'case-document case-field-invalid' : 'case-document'}
      data-testid={`case-document-${document.id}`}
      data-state={state ?? 'unmarked'}
    >
      <legend>
        {document.name}
        {fee ? <span className="case-document-fee"> · {fee}</span> : null}
      </legend>
      <div className="case-document-states">
        {checklistDocumentStateSchema.options.map((option, index) => (
          <label key={option} className="case-choice">
            <input
              type="radio"
              name={`case-document-${document.id}`}
              value={option}
              checked={state === option}
              onChange={() => field.onChange({ ...field.value, [document.id]: option })}
              {...a11y}
              id={index === 0 ? a11y.id : undefined}
              data-testid={`case-document-${document.id}-${option}`}
            />
            {t(`cases.documents.states.${option}`)}
          </label>
        ))}
      </div>
      {state === 'missing' && document.whereToGet !== '' ? (
        <p id={whereId} className="case-where" data-testid={`case-where-${document.id}`}>
          {t('cases.documents.whereToGet', { where: document.whereToGet })}
        </p>
      ) : null}
      <FieldError path={path} issue={issue} />
    </fieldset>
  );
}
