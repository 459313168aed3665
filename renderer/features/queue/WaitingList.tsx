import { useTranslation } from 'react-i18next';
import type { QueuePanel } from '../../../common/contract';

/** How many ticket numbers a category shows; the rest as a count. */
const NUMBERS_SHOWN = 6;

/**
 * Who waits in the categories this counter serves: a count per category and the first ticket
 * numbers in calling order. Numbers only, never names: a clerk cannot pick the easy cases.
 */
export function WaitingList({ panel }: { panel: QueuePanel }) {
  const { t } = useTranslation();
  const total = panel.categories.reduce((sum, category) => sum + category.waiting, 0);
  return (
    <section className="side-card" aria-labelledby="waiting-heading" data-testid="waiting-list">
      <h2 id="waiting-heading">
        {t('queue.waiting.heading')}
        <span className="heading-count" data-testid="waiting-total" data-count={total}>
          {total}
        </span>
      </h2>
      <p className="muted small">{t('queue.waiting.intro')}</p>
      <ul className="waiting-categories">
        {panel.categories.map((category) => {
          const hidden = category.next.length - NUMBERS_SHOWN;
          return (
            <li
              key={category.categoryId}
              className="waiting-category"
              data-testid={`waiting-${category.categoryId}`}
              data-count={category.waiting}
            >
              <div className="waiting-row">
                <span className="prefix-badge" aria-hidden="true">
                  {category.prefix}
                </span>
                <span className="waiting-name">{category.name}</span>
                <span
                  className="waiting-count"
                  aria-label={`${t('queue.waiting.count')}: ${category.waiting}`}
                >
                  {category.waiting}
                </span>
              </div>
              {category.waiting > 0 ? (
                <>
                  <p className="muted small waiting-facts">
                    {t('queue.waiting.longest', { minutes: category.longestWaitMinutes })}
                    {category.waitingPriority > 0
                      ? ` · ${t('queue.waiting.priority', { count: category.waitingPriority })}`
                      : ''}
                  </p>
                  <ol className="ticket-chips" aria-label={category.name}>
                    {category.next.slice(0, NUMBERS_SHOWN).map((ticket) => (
                      <li
                        key={ticket.ticketId}
                        className={
                          ticket.priority ? 'ticket-chip ticket-chip-priority' : 'ticket-chip'
                        }
                      >
                        {ticket.number}
                      </li>
                    ))}
                    {hidden > 0 ? (
                      <li className="ticket-chip ticket-chip-more">
                        {t('queue.waiting.more', { count: hidden })}
                      </li>
                    ) : null}
                  </ol>
                </>
              ) : (
                <p className="muted small">{t('queue.waiting.nobody')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
