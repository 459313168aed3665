import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseType } from '../../../common/contract/central/reference';
import { matchCaseTypes } from './deskLogic';

/** How many matches the list shows: more means the assistant should type more. */
const SHOWN = 8;

/**
 * The case type search: the assistant types part of the name, the matches follow; ↓ moves from
 * the field into the list, ↑/↓ move in it, Enter picks (Enter in the field picks the first).
 */
export function CaseTypePicker(props: {
  caseTypes: readonly CaseType[] | undefined;
  selectedId: string | null;
  onSelect: (caseType: CaseType) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const inputId = useId();
  const listId = useId();
  const matches = useMemo(
    () => matchCaseTypes(props.caseTypes ?? [], query),
    [props.caseTypes, query],
  );
  const shown = matches.slice(0, SHOWN);

  function focusOption(from: HTMLElement, step: 1 | -1) {
    const list = document.getElementById(listId);
    const options = Array.from(list?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = options.indexOf(from as HTMLButtonElement);
    const next = options[index + step];
    if (next) next.focus();
    else if (step === -1) document.getElementById(inputId)?.focus();
  }

  function onListKey(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusOption(event.target as HTMLElement, event.key === 'ArrowDown' ? 1 : -1);
    }
  }

  return (
    <section className="panel assistant-section" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t('assistant.caseType.heading')}</h2>
      <label htmlFor={inputId} className="assistant-label">
        {t('assistant.caseType.searchLabel')}
      </label>
      <input
        id={inputId}
        type="search"
        className="assistant-search"
        value={query}
        placeholder={t('assistant.caseType.searchPlaceholder')}
        autoComplete="off"
        aria-controls={listId}
        data-testid="assistant-case-search"
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            document.getElementById(listId)?.querySelector<HTMLButtonElement>('button')?.focus();
          } else if (event.key === 'Enter' && shown[0]) {
            event.preventDefault();
            props.onSelect(shown[0]);
          }
        }}
      />
      {!props.caseTypes ? (
        <p aria-busy="true">{t('assistant.caseType.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="muted" role="status">
          {t('assistant.caseType.noMatch', { query })}
        </p>
      ) : (
        <>
          <ul
            id={listId}
            className="assistant-case-list"
            aria-label={t('assistant.caseType.results')}
            onKeyDown={onListKey}
            data-testid="assistant-case-results"
          >
            {shown.map((caseType) => (
              <li key={caseType.id}>
                <button
                  type="button"
                  className="assistant-case-option"
                  aria-pressed={caseType.id === props.selectedId}
                  data-testid={`assistant-case-option-${caseType.id}`}
                  onClick={() => props.onSelect(caseType)}
                >
                  {caseType.name}
                </button>
              </li>
            ))}
          </ul>
          {matches.length > shown.length ? (
            <p className="muted small">
              {t('assistant.caseType.more', { shown: shown.length, count: matches.length })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
