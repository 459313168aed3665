import { useEffect, useRef } from 'react';
import { formatClock, formatPrintedTime } from '../shared/hallTime';
import type { ShownTicket } from './kioskScreen';
import type { KioskStrings } from './kioskStrings';

/**
 * The ticket just issued, huge: its number, the category, how many are ahead and the estimated
 * wait; "print" sends the receipt-sized ticket below to the printer (`window.print()`; the
 * print stylesheet shows only that, sized for 80 mm paper). `autoPrint` prints it at once (a
 * kiosk PC whose browser prints without a dialog: docs/hall-pages.md).
 */
export function TicketScreen({
  t,
  ticket,
  siteName,
  autoPrint,
  onDone,
}: {
  t: KioskStrings;
  ticket: ShownTicket;
  siteName: string;
  autoPrint: boolean;
  onDone: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    if (autoPrint) window.print();
  }, [autoPrint]);

  const appointmentNote =
    ticket.appointment?.kind === 'on-time'
      ? t.appointmentConfirmed(formatClock(new Date(ticket.appointment.dueAt)))
      : ticket.appointment?.kind === 'late'
        ? t.lateOrdinaryTicket(ticket.appointment.graceMinutes)
        : null;
  // An appointment on time is called at its time, not by its place in the queue.
  const showAhead = ticket.appointment?.kind !== 'on-time';

  return (
    <section className="kiosk-screen kiosk-ticket" aria-labelledby="kiosk-ticket-heading">
      <div className="kiosk-ticket-card" data-testid="kiosk-ticket">
        <h2 id="kiosk-ticket-heading" ref={heading} tabIndex={-1} className="kiosk-ticket-label">
          {t.yourNumber}
          <span className="kiosk-ticket-number" data-testid="kiosk-ticket-number">
            {ticket.number}
          </span>
        </h2>
        <p className="kiosk-ticket-category">{ticket.categoryName}</p>
        {appointmentNote ? <p className="kiosk-ticket-note">{appointmentNote}</p> : null}
        <ul className="kiosk-ticket-facts">
          {showAhead ? <li>{t.ahead(ticket.ahead)}</li> : null}
          <li>{t.expectedWait(ticket.estimatedWaitMinutes)}</li>
        </ul>
        <p className="kiosk-ticket-board">{t.watchBoard}</p>
      </div>
      <div className="kiosk-actions">
        <button
          type="button"
          className="kiosk-button kiosk-secondary"
          onClick={() => window.print()}
        >
          <span className="kiosk-button-title">{t.print}</span>
        </button>
        <button type="button" className="kiosk-button kiosk-primary" onClick={onDone}>
          <span className="kiosk-button-title">{t.done}</span>
        </button>
      </div>
      <PrintedTicket
        t={t}
        ticket={ticket}
        siteName={siteName}
        showAhead={showAhead}
        appointmentNote={appointmentNote}
      />
    </section>
  );
}

/** What the receipt printer prints: numbers and times only, no personal data, no booking code. */
function PrintedTicket({
  t,
  ticket,
  siteName,
  showAhead,
  appointmentNote,
}: {
  t: KioskStrings;
  ticket: ShownTicket;
  siteName: string;
  showAhead: boolean;
  appointmentNote: string | null;
}) {
  return (
    <div className="printed-ticket" aria-hidden="true" data-testid="printed-ticket">
      <p className="printed-site">{siteName}</p>
      <p className="printed-number">{ticket.number}</p>
      <p className="printed-category">{ticket.categoryName}</p>
      <ul className="printed-facts">
        <li>
          {t.printedIssued} {formatPrintedTime(new Date(ticket.issuedAt))}
        </li>
        {appointmentNote ? <li>{appointmentNote}</li> : null}
        {showAhead ? <li>{t.ahead(ticket.ahead)}</li> : null}
        <li>{t.expectedWait(ticket.estimatedWaitMinutes)}</li>
      </ul>
      <p className="printed-board">{t.watchBoard}</p>
    </div>
  );
}
