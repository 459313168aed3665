import type { IssueRefusal, KioskState } from '../../common/contract/central/queue';
import { moveFocusWithArrows } from '../shared/arrowFocus';
import type { KioskStrings } from './kioskStrings';

type Category = KioskState['categories'][number];

/**
 * The start screen: the categories a ticket can be taken for now, each with its queue and
 * estimated wait, and the way in for a resident with a booking. When the site issues no
 * ticket at all now (closed, before opening, after the last ticket), that is all it says.
 */
export function StartScreen({
  t,
  state,
  stale,
  priority,
  onPriorityChange,
  onCategory,
  onUnavailableCategory,
  onBooking,
}: {
  t: KioskStrings;
  state: KioskState;
  stale: boolean;
  priority: boolean;
  onPriorityChange: (priority: boolean) => void;
  onCategory: (category: Category) => void;
  onUnavailableCategory: (refusal: IssueRefusal) => void;
  onBooking: () => void;
}) {
  const closedAllDay = state.hours === null;
  if (state.refusal) {
    const text = t.refusal(state.refusal);
    return (
      <section className="kiosk-screen kiosk-start" aria-labelledby="kiosk-start-heading">
        <div className="kiosk-message" role="status" data-testid="kiosk-site-refusal">
          <h2 id="kiosk-start-heading" className="kiosk-message-title">
            {text.title}
          </h2>
          <p className="kiosk-message-detail">{text.detail}</p>
        </div>
        {closedAllDay ? null : (
          <div className="kiosk-actions">
            <BookingButton t={t} onBooking={onBooking} />
          </div>
        )}
      </section>
    );
  }

  return (
    <section className="kiosk-screen kiosk-start" aria-labelledby="kiosk-start-heading">
      <h2 id="kiosk-start-heading" className="kiosk-heading">
        {t.heading}
      </h2>
      {stale ? (
        <p className="kiosk-notice" role="status">
          {t.staleNotice}
        </p>
      ) : null}
      <div className="kiosk-categories" onKeyDown={moveFocusWithArrows}>
        {inTicketOrder(state.categories).map((category) => (
          <button
            key={category.categoryId}
            type="button"
            className="kiosk-category"
            data-testid="kiosk-category"
            // Not disabled: a tap on a category without tickets says why.
            data-unavailable={category.refusal ? true : undefined}
            onClick={() =>
              category.refusal ? onUnavailableCategory(category.refusal) : onCategory(category)
            }
          >
            <span className="kiosk-category-prefix" aria-hidden="true">
              {category.prefix}
            </span>
            <span className="kiosk-category-name">{category.name}</span>
            <span className="kiosk-category-facts">
              {category.refusal
                ? t.categoryUnavailable
                : t.queueFacts(category.waiting, category.estimatedWaitMinutes)}
            </span>
          </button>
        ))}
      </div>
      <div className="kiosk-actions">
        <BookingButton t={t} onBooking={onBooking} />
        <button
          type="button"
          className="kiosk-toggle"
          aria-pressed={priority}
          onClick={() => onPriorityChange(!priority)}
        >
          <span className="kiosk-toggle-box" aria-hidden="true">
            {priority ? '✓' : ''}
          </span>
          <span>
            <span className="kiosk-button-title">{t.priority}</span>
            <span className="kiosk-button-hint">{t.priorityHint}</span>
          </span>
        </button>
      </div>
    </section>
  );
}

/** In the order of their ticket letters (A, B, C…), as the tickets and the board show them. */
const inTicketOrder = (categories: readonly Category[]): Category[] =>
  [...categories].sort(
    (a, b) => a.prefix.localeCompare(b.prefix, 'pl') || a.name.localeCompare(b.name, 'pl'),
  );

function BookingButton({ t, onBooking }: { t: KioskStrings; onBooking: () => void }) {
  return (
    <button type="button" className="kiosk-button kiosk-booking" onClick={onBooking}>
      <span className="kiosk-button-title">{t.haveBooking}</span>
      <span className="kiosk-button-hint">{t.haveBookingHint}</span>
    </button>
  );
}
