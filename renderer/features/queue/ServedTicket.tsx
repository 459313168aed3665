import { useTranslation } from 'react-i18next';
import type { QueuePanel } from '../../../common/contract';
import { ServedChecklist } from '../assistant/ServedChecklist';
import { formatDuration, formatTimeOfDay } from './durations';

/**
 * The ticket at the counter, big: its number and category, how long the resident waited and how
 * long they have been served (ticking). Only the number and the category are in the live region,
 * so a screen reader announces a new ticket, not every second.
 */
export function ServedTicket(props: {
  panel: QueuePanel;
  now: number;
  categoryName: (categoryId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const counter = props.panel.counter;
  const ticket = counter?.currentTicket ?? null;
  const category = ticket ? props.categoryName(ticket.categoryId) : '';
  const calledAt = ticket?.calledAt ? Date.parse(ticket.calledAt) : null;
  const waitedMs = ticket ? (calledAt ?? props.now) - Date.parse(ticket.issuedAt) : 0;
  const servingMs = calledAt === null ? 0 : props.now - calledAt;
  const hint =
    counter?.state === 'closed'
      ? t('queue.served.closedHint')
      : counter?.state === 'paused'
        ? t('queue.served.pausedHint', {
            reason: counter.pauseReason ? t(`queue.pauseReasons.${counter.pauseReason}`) : '',
          })
        : t('queue.served.noneHint');

  return (
    <section
      className={ticket ? 'served-card served-card-active' : 'served-card'}
      aria-labelledby="served-heading"
      data-testid="served-ticket"
    >
      <h2 id="served-heading" className="served-heading">
        {t('queue.served.heading')}
      </h2>
      <div className="served-announce" aria-live="polite" aria-atomic="true">
        {ticket ? (
          <>
            <p className="served-number" data-testid="served-number">
              {ticket.number}
            </p>
            <p className="served-category" data-testid="served-category">
              {category}
            </p>
          </>
        ) : (
          <p className="served-none" data-testid="served-none">
            {t('queue.served.none')}
          </p>
        )}
      </div>
      {ticket ? (
        <>
          <dl className="served-times">
            <div>
              <dt>{t('queue.served.waited')}</dt>
              <dd data-testid="served-waited">{formatDuration(waitedMs)}</dd>
            </div>
            <div>
              <dt>{t('queue.served.serving')}</dt>
              <dd data-testid="served-serving">{formatDuration(servingMs)}</dd>
            </div>
            <div>
              <dt>{t('queue.served.recalls')}</dt>
              <dd data-testid="served-recalls">{ticket.recalls}</dd>
            </div>
          </dl>
          <ul className="served-tags" aria-label={t('queue.served.heading')}>
            {ticket.priority ? (
              <li className="tag tag-priority">{t('queue.served.priority')}</li>
            ) : null}
            {ticket.appointment ? (
              <li className="tag">
                {t('queue.served.appointment', {
                  time: formatTimeOfDay(ticket.appointment.dueAt, i18n.language),
                })}
              </li>
            ) : null}
            {ticket.targetCounterId ? (
              <li className="tag">{t('queue.served.transferred')}</li>
            ) : null}
            <li className="tag tag-muted">{t(`queue.served.sources.${ticket.source}`)}</li>
          </ul>
          {ticket.checklist ? <ServedChecklist checklist={ticket.checklist} /> : null}
        </>
      ) : (
        <p className="served-hint">{hint}</p>
      )}
    </section>
  );
}
