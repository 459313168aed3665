import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerReadyCase } from '../../../common/contract';
import { formatDateTime } from '../cases/caseFormat';
import { asIpcError, lockersErrorText } from './lockerMessages';
import { matchCaseNumber } from './lockerDeskLogic';
import {
  useCheckCaseMutation,
  useReadyCasesQuery,
  useRefreshReadyCasesMutation,
} from './lockersApi';

/**
 * The ready results waiting for the locker, from the desk's cache (it works offline), searched
 * by case number. Down arrow moves from the box into the list, up and down through it; Enter
 * (or a click) chooses a case. Enter in the box chooses the only match; a number that is not in
 * the list is asked about, and the desk says why that case cannot go into the locker.
 */
export function ReadyCasesPanel(props: {
  chosenCaseId: string | null;
  onChoose: (readyCase: LockerReadyCase) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const { data, error } = useReadyCasesQuery();
  const [refresh, { isLoading: refreshing }] = useRefreshReadyCasesMutation();
  const [checkCase] = useCheckCaseMutation();
  const list = useRef<HTMLTableSectionElement>(null);
  const matches = useMemo(() => matchCaseNumber(data?.cases ?? [], query), [data, query]);

  useEffect(() => {
    // The desk opens on the cached list at once and asks the server for news; offline, the
    // cache is all there is and the failure says nothing new.
    void refresh()
      .unwrap()
      .catch(() => undefined);
  }, [refresh]);

  function move(from: EventTarget, step: number): void {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const index = buttons.indexOf(from as HTMLButtonElement);
    buttons[Math.max(0, Math.min(buttons.length - 1, index + step))]?.focus();
  }

  function onListKey(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.target, event.key === 'ArrowDown' ? 1 : -1);
    }
  }

  async function explain(caseNumber: string): Promise<void> {
    try {
      const answer = await checkCase(caseNumber).unwrap();
      setRefusal(
        answer.refusal
          ? lockersErrorText(t, { code: answer.refusal, message: '' })
          : t('lockers.ready.notInList'),
      );
    } catch (failure) {
      setRefusal(lockersErrorText(t, asIpcError(failure)));
    }
  }

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.querySelector('button')?.focus();
    } else if (event.key === 'Enter' && query.trim() !== '') {
      event.preventDefault();
      const [only, ...more] = matches;
      if (only && more.length === 0) props.onChoose(only);
      else if (!only) void explain(query.trim());
    }
  }

  return (
    <section
      className="panel locker-section"
      aria-labelledby={headingId}
      data-testid="locker-ready"
    >
      <div className="locker-section-head">
        <h2 id={headingId}>
          {t('lockers.ready.heading')}{' '}
          <span className="heading-count" data-testid="locker-ready-count">
            {data?.cases.length ?? 0}
          </span>
        </h2>
        <button
          type="button"
          className="action"
          aria-disabled={refreshing}
          onClick={() => {
            if (!refreshing)
              void refresh()
                .unwrap()
                .catch(() => undefined);
          }}
          data-testid="locker-ready-refresh"
        >
          {t('lockers.ready.refresh')}
        </button>
      </div>
      <p className="muted small" data-testid="locker-ready-refreshed">
        {data?.refreshedAt
          ? t('lockers.ready.refreshedAt', {
              time: formatDateTime(data.refreshedAt, i18n.language),
            })
          : t('lockers.ready.neverRefreshed')}
      </p>
      <label htmlFor={inputId} className="locker-label">
        {t('lockers.ready.searchLabel')}
      </label>
      <input
        id={inputId}
        type="search"
        className="locker-search"
        autoComplete="off"
        spellCheck={false}
        maxLength={60}
        placeholder={t('lockers.ready.searchPlaceholder')}
        aria-describedby={hintId}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setRefusal(null);
        }}
        onKeyDown={onSearchKey}
        data-testid="locker-ready-search"
      />
      <p id={hintId} className="muted small">
        {t('lockers.ready.searchHint')}
      </p>
      {refusal ? (
        <p role="alert" className="error" data-testid="locker-ready-refusal">
          {refusal}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {lockersErrorText(t, asIpcError(error))}
        </p>
      ) : !data ? (
        <p aria-busy="true">{t('lockers.ready.loading')}</p>
      ) : data.cases.length === 0 ? (
        <p data-testid="locker-ready-none">{t('lockers.ready.none')}</p>
      ) : matches.length === 0 ? (
        <p role="status" data-testid="locker-ready-no-match">
          {t('lockers.ready.noMatch', { query: query.trim() })}
        </p>
      ) : (
        <table className="compact-table locker-table">
          <thead>
            <tr>
              <th scope="col">{t('lockers.ready.caseNumber')}</th>
              <th scope="col">{t('lockers.ready.caseType')}</th>
              <th scope="col">{t('lockers.ready.initials')}</th>
              <th scope="col">{t('lockers.ready.readySince')}</th>
            </tr>
          </thead>
          <tbody ref={list} onKeyDown={onListKey}>
            {matches.map((readyCase) => (
              <tr
                key={readyCase.caseId}
                className={readyCase.caseId === props.chosenCaseId ? 'locker-row-chosen' : ''}
                data-testid="locker-ready-case"
                data-case-number={readyCase.caseNumber}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="locker-choose"
                    aria-pressed={readyCase.caseId === props.chosenCaseId}
                    onClick={() => props.onChoose(readyCase)}
                    data-testid="locker-ready-choose"
                  >
                    {readyCase.caseNumber}
                  </button>
                </th>
                <td>{readyCase.caseTypeName}</td>
                <td>{readyCase.applicantInitials}</td>
                <td>{formatDateTime(readyCase.readyAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
