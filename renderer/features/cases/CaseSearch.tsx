import { skipToken } from '@reduxjs/toolkit/query/react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseType } from '../../../common/contract/central/reference';
import { useSearchCasesQuery } from './casesApi';
import { useDebouncedValue } from './useDebouncedValue';

const SEARCH_DELAY_MS = 150;

/**
 * The cases cached on this PC, searched as the clerk types (PESEL, name, a case number's
 * start). Down arrow moves from the box into the results, up and down through them; Enter on a
 * result opens the case. PESELs are masked.
 */
export function CaseSearch({
  caseTypes,
  onOpen,
}: {
  caseTypes: readonly CaseType[] | undefined;
  onOpen: (caseId: string) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const { data: results, isFetching } = useSearchCasesQuery(settled === '' ? skipToken : settled);
  const list = useRef<HTMLUListElement>(null);

  function move(from: EventTarget, step: number): void {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const index = buttons.indexOf(from as HTMLButtonElement);
    buttons[Math.max(0, Math.min(buttons.length - 1, index + step))]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(event.target, 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.target, -1);
    }
  }

  const caseTypeName = (id: string) =>
    caseTypes?.find((caseType) => caseType.id === id)?.name ?? id;

  return (
    <section className="case-search" aria-labelledby="case-search-heading">
      <h3 id="case-search-heading">
        <label htmlFor="case-search">{t('cases.search.label')}</label>
      </h3>
      <input
        id="case-search"
        type="search"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        aria-describedby={hintId}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="case-search"
      />
      <p id={hintId} className="case-hint">
        {t('cases.search.hint')}
      </p>
      {settled === '' ? null : (
        <div aria-live="polite" aria-busy={isFetching}>
          {results && results.length === 0 ? (
            <p data-testid="case-search-none">{t('cases.search.none')}</p>
          ) : (
            <ul
              ref={list}
              className="case-search-results"
              aria-label={t('cases.search.results')}
              onKeyDown={onKeyDown}
            >
              {(results ?? []).map((result) => (
                <li key={result.caseId}>
                  <button
                    type="button"
                    className="case-search-hit"
                    onClick={() => onOpen(result.caseId)}
                    data-testid="case-search-result"
                    data-case-id={result.caseId}
                  >
                    <strong>
                      {result.caseNumber ??
                        (result.status === 'rejected'
                          ? t('cases.search.rejected')
                          : t('cases.search.pending'))}
                    </strong>
                    <span>{caseTypeName(result.caseTypeId)}</span>
                    <span>
                      {result.applicantName}
                      {result.peselMasked ? ` · ${result.peselMasked}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
