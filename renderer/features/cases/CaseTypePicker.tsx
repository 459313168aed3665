import { useId, useState, type KeyboardEvent } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseDraftData } from '../../../common/contract';
import type { CaseType, Department } from '../../../common/contract/central/reference';
import { useFieldIssue } from './caseFieldIssues';
import { matchCaseTypes } from './caseTypeMatch';
import { FieldError } from './FieldError';

/**
 * The case type, found by typing part of its name: an ARIA combobox whose list filters as the
 * clerk types; arrow keys move through it, Enter takes the highlighted one, Esc closes the list.
 * Choosing another case type clears what belonged to the previous one (its documents, its
 * circumstances, its own fields, its exemption).
 */
export function CaseTypePicker({
  caseTypes,
  departments,
}: {
  caseTypes: readonly CaseType[] | undefined;
  departments: readonly Department[] | undefined;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const hintId = useId();
  const { setValue } = useFormContext<CaseDraftData>();
  const { field } = useController<CaseDraftData, 'caseTypeId'>({ name: 'caseTypeId' });
  const { issue, a11y } = useFieldIssue('caseTypeId', hintId);
  const selected = caseTypes?.find((caseType) => caseType.id === field.value) ?? null;
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const shown = text ?? selected?.name ?? '';
  // While the box shows the chosen name, the list offers every type to move to.
  const matches = matchCaseTypes(caseTypes ?? [], text ?? '');
  const activeIndex = Math.min(active, matches.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  function choose(caseType: CaseType): void {
    if (caseType.id !== field.value) {
      field.onChange(caseType.id);
      setValue('documents', {});
      setValue('conditions', []);
      setValue('fields', {});
      setValue('exemptionId', null);
    }
    setText(null);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else setActive((index) => Math.min(index + 1, matches.length - 1));
        return;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        return;
      case 'Enter': {
        const hit = matches[activeIndex];
        if (open && hit && !event.ctrlKey) {
          event.preventDefault();
          choose(hit);
        }
        return;
      }
      case 'Escape':
        if (open || text !== null) {
          // Handled here: the window's Esc (back to the queue) must not fire too.
          event.preventDefault();
          setOpen(false);
          setText(null);
        }
        return;
      default:
    }
  }

  const department = selected
    ? departments?.find((candidate) => candidate.id === selected.departmentId)
    : undefined;

  return (
    <div className={issue ? 'case-field case-field-invalid' : 'case-field'}>
      <label htmlFor={a11y.id}>{t('cases.caseType.label')}</label>
      <div className="case-combobox">
        <input
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && matches.length > 0 ? optionId(activeIndex) : undefined}
          aria-required
          {...a11y}
          value={shown}
          disabled={!caseTypes}
          data-testid="case-type-input"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Leaving without choosing keeps the case type as it was.
            setOpen(false);
            setText(null);
            field.onBlur();
          }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t('cases.caseType.options')}
          className="case-listbox"
          hidden={!open}
          data-testid="case-type-options"
        >
          {matches.map((caseType, index) => (
            <li
              key={caseType.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'case-option case-option-active' : 'case-option'}
              // Keep the focus in the box: a click chooses without a blur first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(caseType)}
            >
              {caseType.name}
            </li>
          ))}
          {matches.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled className="case-option-none">
              {t('cases.caseType.noMatch')}
            </li>
          ) : null}
        </ul>
      </div>
      <div id={hintId} className="case-hint">
        {!caseTypes
          ? t('cases.caseType.loading')
          : selected
            ? [
                department
                  ? t('cases.caseType.department', {
                      name: department.name,
                      symbol: department.unitSymbol,
                    })
                  : null,
                t('cases.caseType.deadline', { days: selected.deadlineDays }),
              ]
                .filter(Boolean)
                .join(' · ')
            : t('cases.caseType.hint')}
      </div>
      <FieldError path="caseTypeId" issue={issue} />
    </div>
  );
}
