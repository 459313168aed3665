import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paperTicketNumberSchema, type QueuePanel } from '../../../common/contract';
import type { Availability, PanelCommand } from './commandAvailability';
import { formatTimeOfDay } from './durations';
import { whyNotText } from './queueMessages';

/**
 * This counter: open, paused (and why: the supervisor sees it too) or closed, since when, who
 * opened it, how many served today; open or close it, serve a resident without a ticket, and
 * (where the site allows it) call a chosen number.
 */
export function CounterCard(props: {
  panel: QueuePanel;
  availability: Record<PanelCommand, Availability>;
  busy: boolean;
  onCommand: (command: PanelCommand) => void;
  onCallTicket: (number: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const counter = props.panel.counter;
  if (!counter) return null;
  const closed = counter.state === 'closed';
  const toggle: PanelCommand = closed ? 'open' : 'close';
  const toggleWhy = whyNotText(t, props.availability[toggle]);
  const walkInWhy = whyNotText(t, props.availability.walkIn);
  return (
    <section className="side-card counter-card" aria-labelledby="counter-heading">
      <h2 id="counter-heading">
        {t('queue.counter.heading')} {counter.number}
      </h2>
      <p className="counter-state">
        <span
          className={`state-pill state-${counter.state}`}
          data-testid="counter-state"
          data-state={counter.state}
        >
          {t(`queue.counterStates.${counter.state}`)}
          {counter.state === 'paused' && counter.pauseReason
            ? `: ${t(`queue.pauseReasons.${counter.pauseReason}`)}`
            : ''}
        </span>
        {counter.since ? (
          <span className="muted">
            {t('queue.counter.since', { time: formatTimeOfDay(counter.since, i18n.language) })}
          </span>
        ) : null}
      </p>
      <dl className="counter-facts">
        {counter.clerk ? (
          <div>
            <dt>{t('queue.counter.clerk')}</dt>
            <dd>{counter.clerk.displayName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('queue.counter.servedToday')}</dt>
          <dd data-testid="served-today">{counter.servedToday}</dd>
        </div>
      </dl>
      <div className="counter-actions">
        <button
          type="button"
          className={closed ? 'action action-primary' : 'action'}
          aria-disabled={!props.availability[toggle].enabled || props.busy}
          data-testid={`command-${toggle}`}
          title={toggleWhy ?? undefined}
          onClick={() => props.onCommand(toggle)}
        >
          {t(`queue.commands.${toggle}`)}
        </button>
        <button
          type="button"
          className="action"
          aria-disabled={!props.availability.walkIn.enabled || props.busy}
          data-testid="command-walkIn"
          title={walkInWhy ?? undefined}
          onClick={() => props.onCommand('walkIn')}
        >
          {t('queue.commands.walkIn')}
        </button>
      </div>
      {props.panel.rules?.allowCallOutOfOrder && !closed ? (
        <CallTicketForm busy={props.busy} onCallTicket={props.onCallTicket} />
      ) : null}
    </section>
  );
}

function CallTicketForm(props: { busy: boolean; onCallTicket: (number: string) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = paperTicketNumberSchema.safeParse(number);
        setInvalid(!parsed.success);
        if (parsed.success && !props.busy) {
          props.onCallTicket(parsed.data);
          setNumber('');
        }
      }}
    >
      <label htmlFor="call-ticket-number">{t('queue.callTicket.label')}</label>
      <p className="muted small" id="call-ticket-hint">
        {t('queue.callTicket.hint')}
      </p>
      <div className="inline-form-row">
        <input
          id="call-ticket-number"
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          aria-invalid={invalid}
          aria-describedby="call-ticket-hint"
          autoComplete="off"
          spellCheck={false}
          placeholder="A001"
        />
        <button type="submit" className="action">
          {t('queue.commands.callTicket')}
        </button>
      </div>
      {invalid ? <p className="error small">{t('queue.offline.invalidNumber')}</p> : null}
    </form>
  );
}
