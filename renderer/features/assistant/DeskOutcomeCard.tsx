import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskOutcome } from './QueueActions';

/** What the desk did, big enough to read to the resident, and the way to the next one. */
export function DeskOutcomeCard(props: { outcome: DeskOutcome; onNext: () => void }) {
  const { t } = useTranslation();
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  const { outcome } = props;
  return (
    <section
      className="panel assistant-section assistant-outcome"
      aria-live="polite"
      data-testid={outcome.kind === 'issued' ? 'assistant-issued' : 'assistant-redirected'}
    >
      {outcome.kind === 'issued' ? (
        <>
          <h2>{t('assistant.ticket.issued')}</h2>
          <p className="served-number" data-testid="assistant-ticket-number">
            {outcome.answer.ticket.number}
          </p>
          <p className="served-category" data-testid="assistant-ticket-category">
            {outcome.answer.categoryName}
          </p>
          <p>{t('assistant.ticket.position', { position: outcome.answer.position })}</p>
          <p>{t('assistant.ticket.wait', { minutes: outcome.answer.estimatedWaitMinutes })}</p>
        </>
      ) : (
        <p className="assistant-confirmation" data-testid="assistant-redirect-done">
          {t('assistant.redirect.done', {
            number: outcome.answer.ticket.number,
            category: outcome.categoryName,
          })}
        </p>
      )}
      <button
        ref={next}
        type="button"
        className="action action-primary"
        data-testid="assistant-next"
        onClick={props.onNext}
      >
        {t('assistant.ticket.next')}
      </button>
    </section>
  );
}
