import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  typedTicketNumberSchema,
  type AssistantIssueTicketResponse,
  type AssistantRedirectTicketResponse,
} from '../../../common/contract';
import type { TicketChecklist } from '../../../common/contract/central/queue';
import type { Category } from '../../../common/contract/central/reference';
import { useIssueTicketMutation, useRedirectTicketMutation } from './assistantApi';
import { assistantErrorText } from './assistantMessages';

/** What the desk did for this resident: shown until the next resident. */
export type DeskOutcome =
  | { kind: 'issued'; answer: Extract<AssistantIssueTicketResponse, { outcome: 'issued' }> }
  | { kind: 'redirected'; answer: AssistantRedirectTicketResponse; categoryName: string };

/**
 * Sending the resident to the queue of the case type's category at this building (the assistant
 * chooses when there are several): a new ticket ("Wydaj bilet", with priority), or the ticket
 * they hold already, by its number ("Przekieruj bilet"). Both carry the checklist.
 */
export function QueueActions(props: {
  categories: readonly Category[];
  checklist: TicketChecklist;
  onDone: (outcome: DeskOutcome) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [priority, setPriority] = useState(false);
  const [ticketNumber, setTicketNumber] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [issueTicket, issuing] = useIssueTicketMutation();
  const [redirectTicket, redirecting] = useRedirectTicketMutation();
  const category = props.categories.find((c) => c.id === chosen) ?? props.categories[0] ?? null;
  const busy = issuing.isLoading || redirecting.isLoading;

  if (!category) {
    return (
      <section className="panel assistant-section" aria-labelledby={`${ids}-heading`}>
        <h2 id={`${ids}-heading`}>{t('assistant.ticket.heading')}</h2>
        <p className="queue-notice queue-notice-error" data-testid="assistant-no-category">
          {t('assistant.ticket.noCategory')}
        </p>
      </section>
    );
  }

  async function issue() {
    if (!category || busy) return;
    setProblem(null);
    try {
      const answer = await issueTicket({
        categoryId: category.id,
        priority,
        checklist: props.checklist,
      }).unwrap();
      if (answer.outcome === 'refused') {
        setProblem(t('assistant.ticket.refused', { message: answer.refusal.message }));
      } else props.onDone({ kind: 'issued', answer });
    } catch (error) {
      setProblem(assistantErrorText(t, error as never));
    }
  }

  async function redirect() {
    if (!category || busy) return;
    setProblem(null);
    if (!typedTicketNumberSchema.safeParse(ticketNumber).success) {
      setProblem(t('assistant.redirect.invalidNumber'));
      return;
    }
    try {
      const answer = await redirectTicket({
        ticketNumber,
        toCategoryId: category.id,
        checklist: props.checklist,
      }).unwrap();
      props.onDone({ kind: 'redirected', answer, categoryName: category.name });
    } catch (error) {
      setProblem(assistantErrorText(t, error as never));
    }
  }

  return (
    <section className="panel assistant-section" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('assistant.ticket.heading')}</h2>
      {props.categories.length > 1 ? (
        <fieldset className="choice-list" data-testid="assistant-categories">
          <legend>{t('assistant.ticket.category')}</legend>
          {props.categories.map((option) => (
            <label key={option.id} className="choice">
              <input
                type="radio"
                name="assistant-category"
                checked={option.id === category.id}
                data-testid={`assistant-category-${option.id}`}
                onChange={() => setChosen(option.id)}
              />
              <span className="prefix-badge">{option.prefix}</span> {option.name}
            </label>
          ))}
        </fieldset>
      ) : (
        <p data-testid="assistant-category">
          {t('assistant.ticket.category')}: <span className="prefix-badge">{category.prefix}</span>{' '}
          <strong>{category.name}</strong>
        </p>
      )}

      <div className="assistant-actions">
        <form
          className="assistant-action"
          onSubmit={(event) => {
            event.preventDefault();
            void issue();
          }}
        >
          <label className="choice">
            <input
              type="checkbox"
              checked={priority}
              data-testid="assistant-priority"
              onChange={(event) => setPriority(event.target.checked)}
            />
            {t('assistant.ticket.priority')}
          </label>
          <button
            type="submit"
            className="action action-primary action-large"
            aria-disabled={busy}
            data-testid="assistant-issue"
          >
            {t('assistant.ticket.issue')}
          </button>
        </form>

        <form
          className="assistant-action"
          onSubmit={(event) => {
            event.preventDefault();
            void redirect();
          }}
        >
          <h3 className="assistant-subheading">{t('assistant.redirect.heading')}</h3>
          <label htmlFor={`${ids}-number`} className="assistant-label">
            {t('assistant.redirect.numberLabel')}
          </label>
          <input
            id={`${ids}-number`}
            className="assistant-number-input"
            value={ticketNumber}
            placeholder={t('assistant.redirect.numberPlaceholder')}
            autoComplete="off"
            maxLength={8}
            data-testid="assistant-redirect-number"
            onChange={(event) => setTicketNumber(event.target.value)}
          />
          <button
            type="submit"
            className="action"
            aria-disabled={busy}
            data-testid="assistant-redirect"
          >
            {t('assistant.redirect.submit')}
          </button>
        </form>
      </div>
      {problem ? (
        <p className="queue-notice queue-notice-error" role="alert" data-testid="assistant-error">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
