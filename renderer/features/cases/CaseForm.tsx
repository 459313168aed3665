import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  caseDraftDataSchema,
  validateCaseDraft,
  type CaseDraft,
  type CaseDraftData,
  type CaseRecord,
  type IpcError,
} from '../../../common/contract';
import { type CaseType, type Department } from '../../../common/contract/central/reference';
import { AddressFields } from './AddressFields';
import { CaseIssuesContext } from './caseFieldIssues';
import {
  focusField,
  formIssues,
  issuesByPath,
  issuesFromSubmitError,
  type FormIssue,
} from './caseIssues';
import { casesErrorText } from './caseMessages';
import { useSubmitCaseMutation } from './casesApi';
import { CaseTypeFields } from './CaseTypeFields';
import { CaseTypePicker } from './CaseTypePicker';
import { DocumentsChecklist } from './DocumentsChecklist';
import { ExemptionSelect } from './ExemptionSelect';
import { FeeSummary } from './FeeSummary';
import { focusFormStart } from './focusFormStart';
import { IssueSummary } from './IssueSummary';
import { PersonFields } from './PersonFields';
import { SaveStatus } from './SaveStatus';
import { useDraftSaver } from './useDraftSaver';

/** Where the keyboard shortcut and the button both lead: the id of the form for `form=`. */
export const CASE_FORM_ID = 'case-form';

/**
 * The case form. Every change is saved as the draft at once; submitting checks the case in the
 * window first (the same validator main runs) and shows each problem at its field, focusing the
 * first. After a failed attempt the problems follow what is typed, so a fixed field clears.
 * Ctrl+Enter submits from anywhere in the form; a plain Enter in a field submits nothing.
 */
export function CaseForm({
  draft,
  caseTypes,
  departments,
  onSubmitted,
  onClose,
}: {
  draft: CaseDraft;
  caseTypes: readonly CaseType[] | undefined;
  departments: readonly Department[] | undefined;
  onSubmitted: (record: CaseRecord) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<CaseDraftData>({ defaultValues: draft.data });
  const { control, subscribe, getValues } = form;
  const { saver, state: saveState } = useDraftSaver(draft.draftId);
  const [submit, { isLoading: submitting }] = useSubmitCaseMutation();
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ path: string } | null>(null);
  const attempted = useRef(false);
  const caseTypesRef = useRef(caseTypes);
  useEffect(() => {
    caseTypesRef.current = caseTypes;
  }, [caseTypes]);

  // Every change of a value (typed, ticked, set by another field) is saved at once.
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          const parsed = caseDraftDataSchema.safeParse(values);
          if (!parsed.success) return;
          saver.push(parsed.data);
          if (attempted.current) {
            const checked = validateCaseDraft(parsed.data, caseTypesRef.current ?? []);
            setIssues(checked.ok ? [] : formIssues(checked.issues));
          }
        },
      }),
    [subscribe, saver],
  );

  useEffect(() => focusFormStart(), []);

  // Focus after the render that marked the fields, so the field is read out with its problem.
  useEffect(() => {
    if (focusRequest) focusField(focusRequest.path);
  }, [focusRequest]);

  function showIssues(found: FormIssue[]): void {
    setIssues(found);
    const first = found[0];
    if (first) setFocusRequest({ path: first.path });
  }

  async function onSubmit(): Promise<void> {
    if (submitting || !caseTypes) return;
    setSubmitError(null);
    attempted.current = true;
    const data = caseDraftDataSchema.parse(getValues());
    const checked = validateCaseDraft(data, caseTypes);
    if (!checked.ok) {
      showIssues(formIssues(checked.issues));
      return;
    }
    setIssues([]);
    // Main submits the stored draft: it must hold what is on screen.
    saver.push(data);
    await saver.flush();
    try {
      onSubmitted(await submit(draft.draftId).unwrap());
    } catch (failure) {
      const error = failure as IpcError;
      const fromMain = issuesFromSubmitError(error);
      if (fromMain) showIssues(fromMain);
      else setSubmitError(t('cases.form.submitFailed', { message: casesErrorText(t, error) }));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void onSubmit();
      return;
    }
    // A plain Enter in a field would submit the form: a half-typed case must not go by accident.
    if (event.target instanceof HTMLInputElement) event.preventDefault();
  }

  const caseTypeId = useWatch({ control, name: 'caseTypeId' });
  const acting = useWatch({ control, name: 'representative.acting' });
  const ticket = draft.data.ticket;
  const caseType = caseTypes?.find((candidate) => candidate.id === caseTypeId) ?? null;
  const byPath = useMemo(() => issuesByPath(issues), [issues]);

  return (
    <FormProvider {...form}>
      <CaseIssuesContext.Provider value={byPath}>
        <form
          id={CASE_FORM_ID}
          className="case-form"
          aria-label={t('cases.form.label')}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void onSubmit();
          }}
          onKeyDown={onKeyDown}
          data-testid="case-form"
          data-draft-id={draft.draftId}
        >
          <p className="case-ticket" data-testid="case-ticket">
            {ticket ? t('cases.form.ticket', { number: ticket.number }) : t('cases.form.noTicket')}
          </p>
          <IssueSummary issues={issues} caseType={caseType} />

          {/* The field's own label names the section: no heading saying the same above it. */}
          <div className="case-section">
            <CaseTypePicker caseTypes={caseTypes} departments={departments} />
          </div>

          <section className="case-section" aria-labelledby="case-h-applicant">
            <h3 id="case-h-applicant">{t('cases.sections.applicant')}</h3>
            <PersonFields prefix="applicant" />
            <AddressFields />
          </section>

          <section className="case-section" aria-labelledby="case-h-representative">
            <h3 id="case-h-representative">{t('cases.sections.representative')}</h3>
            <label className="case-choice">
              <input
                type="checkbox"
                {...form.register('representative.acting')}
                data-testid="case-representative-acting"
              />
              {t('cases.representative.acting')}
            </label>
            {acting ? (
              <div className="case-representative" data-testid="case-representative">
                <PersonFields prefix="representative" />
              </div>
            ) : null}
          </section>

          <section className="case-section" aria-labelledby="case-h-documents">
            <h3 id="case-h-documents">{t('cases.sections.documents')}</h3>
            {caseType ? (
              <DocumentsChecklist caseType={caseType} />
            ) : (
              <p className="case-hint">{t('cases.caseType.chooseFirst')}</p>
            )}
          </section>

          {caseType ? (
            <section className="case-section" aria-labelledby="case-h-exemption">
              <h3 id="case-h-exemption">{t('cases.sections.exemption')}</h3>
              <ExemptionSelect caseType={caseType} />
            </section>
          ) : null}

          {caseType && caseType.formFields.length > 0 ? (
            <section className="case-section" aria-labelledby="case-h-fields">
              <h3 id="case-h-fields">{t('cases.sections.fields')}</h3>
              <CaseTypeFields caseType={caseType} />
            </section>
          ) : null}

          <section className="case-section" aria-labelledby="case-h-fee">
            <h3 id="case-h-fee">{t('cases.sections.fee')}</h3>
            {caseType ? (
              <FeeSummary caseType={caseType} />
            ) : (
              <p className="case-hint">{t('cases.caseType.chooseFirst')}</p>
            )}
          </section>

          <section className="case-section" aria-labelledby="case-h-notes">
            <h3 id="case-h-notes">{t('cases.sections.notes')}</h3>
            <div className="case-field">
              <label htmlFor="case-notes">{t('cases.notes.label')}</label>
              <textarea
                id="case-notes"
                rows={3}
                maxLength={2000}
                {...form.register('notes')}
                data-testid="case-field-notes"
              />
            </div>
          </section>

          <div className="case-actions">
            <button
              type="submit"
              className="action action-primary action-large"
              aria-keyshortcuts="Control+Enter"
              aria-disabled={submitting || !caseTypes}
              data-testid="case-submit"
            >
              {submitting ? t('cases.form.submitting') : t('cases.form.submit')}{' '}
              <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" className="action" onClick={onClose} data-testid="case-close">
              {t('cases.form.close')}
            </button>
            <SaveStatus state={saveState} />
          </div>
          {submitError ? (
            <p role="alert" className="error" data-testid="case-submit-error">
              {submitError}
            </p>
          ) : null}
        </form>
      </CaseIssuesContext.Provider>
    </FormProvider>
  );
}
