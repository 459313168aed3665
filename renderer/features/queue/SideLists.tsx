import { useTranslation } from 'react-i18next';
import type { QueuePanel } from '../../../common/contract';
import { formatTimeOfDay } from './durations';

/** Today's next appointments in this counter's categories: time, category, ticket number. */
export function AppointmentsList(props: {
  panel: QueuePanel;
  categoryName: (categoryId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const appointments = props.panel.nextAppointments.slice(0, 8);
  return (
    <section className="side-card" aria-labelledby="appointments-heading">
      <h2 id="appointments-heading">{t('queue.appointments.heading')}</h2>
      {appointments.length === 0 ? (
        <p className="muted small">{t('queue.appointments.none')}</p>
      ) : (
        <table className="compact-table">
          <thead>
            <tr>
              <th scope="col">{t('queue.appointments.time')}</th>
              <th scope="col">{t('queue.appointments.category')}</th>
              <th scope="col">{t('queue.appointments.number')}</th>
            </tr>
          </thead>
          <tbody>
            {appointments.map((appointment, index) => (
              <tr key={`${appointment.dueAt}-${index}`}>
                <td>{formatTimeOfDay(appointment.dueAt, i18n.language)}</td>
                <td>{props.categoryName(appointment.categoryId)}</td>
                <td>
                  {appointment.ticketNumber ?? (
                    <span className="muted">{t('queue.appointments.notCheckedIn')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The visits this counter parked (the resident fetches a document), to take back. */
export function ParkedList(props: {
  panel: QueuePanel;
  canResume: boolean;
  onResume: (ticketId: string) => void;
}) {
  const { t } = useTranslation();
  const parked = props.panel.counter?.parkedTickets ?? [];
  if (parked.length === 0) return null;
  return (
    <section className="side-card" aria-labelledby="parked-heading">
      <h2 id="parked-heading">{t('queue.parked.heading')}</h2>
      <p className="muted small">{t('queue.parked.intro')}</p>
      <ul className="ticket-actions">
        {parked.map((ticket) => (
          <li key={ticket.id}>
            <span className="ticket-chip">{ticket.number}</span>
            <button
              type="button"
              className="action"
              aria-disabled={!props.canResume}
              onClick={() => props.onResume(ticket.id)}
            >
              {t('queue.commands.resumeParked')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Today's no-shows, to bring one back into the queue at its original time. */
export function NoShowList(props: {
  panel: QueuePanel;
  enabled: boolean;
  onBringBack: (ticketId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const noShows = props.panel.noShows;
  if (noShows.length === 0) return null;
  return (
    <section className="side-card" aria-labelledby="noshows-heading">
      <h2 id="noshows-heading">{t('queue.noShows.heading')}</h2>
      <ul className="ticket-actions">
        {noShows.map((ticket) => (
          <li key={ticket.ticketId}>
            <span className="ticket-chip">{ticket.number}</span>
            <span className="muted small">{formatTimeOfDay(ticket.at, i18n.language)}</span>
            <button
              type="button"
              className="action"
              aria-disabled={!props.enabled}
              onClick={() => props.onBringBack(ticket.ticketId)}
            >
              {t('queue.commands.bringBack')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
