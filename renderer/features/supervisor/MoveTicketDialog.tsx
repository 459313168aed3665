import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorOverview } from '../../../common/contract/central/supervisor';
import { Dialog } from '../../components/Dialog';
import { DialogFooter } from './DialogFooter';

/**
 * Move a waiting ticket to another category (it keeps its place in time): the ticket from the
 * longest-waiting first, then the new category. Ticket numbers only, no residents' data.
 */
export function MoveTicketDialog(props: {
  overview: SupervisorOverview;
  onMove: (ticketId: string, toCategoryId: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { overview } = props;
  const tickets = overview.waitingTickets;
  const [ticketId, setTicketId] = useState(tickets[0]?.ticketId ?? '');
  const ticket = tickets.find((waiting) => waiting.ticketId === ticketId) ?? null;
  const firstOther = (categoryId: string | undefined) =>
    overview.queues.find((queue) => queue.categoryId !== categoryId)?.categoryId ?? '';
  const [target, setTarget] = useState(() => firstOther(tickets[0]?.categoryId));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const categoryName = (categoryId: string) =>
    overview.queues.find((queue) => queue.categoryId === categoryId)?.name ?? categoryId;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !ticket) return;
    if (target === ticket.categoryId || target === '') {
      setError(t('supervisor.actions.moveSame'));
      return;
    }
    setBusy(true);
    const failure = await props.onMove(ticket.ticketId, target);
    setBusy(false);
    setError(failure);
  }

  return (
    <Dialog
      title={t('supervisor.actions.moveHeading')}
      onClose={props.onClose}
      testId="sv-move-dialog"
    >
      {tickets.length === 0 ? (
        <p>{t('supervisor.actions.moveNone')}</p>
      ) : (
        <form className="sv-dialog-form" onSubmit={(event) => void submit(event)}>
          <p className="muted">{t('supervisor.actions.moveIntro')}</p>
          <label htmlFor="sv-move-ticket">{t('supervisor.actions.moveTicket')}</label>
          <select
            id="sv-move-ticket"
            value={ticketId}
            onChange={(event) => {
              setTicketId(event.target.value);
              const chosen = tickets.find((waiting) => waiting.ticketId === event.target.value);
              if (chosen && chosen.categoryId === target) setTarget(firstOther(chosen.categoryId));
            }}
          >
            {tickets.map((waiting) => (
              <option key={waiting.ticketId} value={waiting.ticketId}>
                {t('supervisor.actions.moveTicketOption', {
                  number: waiting.number,
                  category: categoryName(waiting.categoryId),
                  minutes: waiting.waitedMinutes,
                })}
              </option>
            ))}
          </select>
          <label htmlFor="sv-move-target">{t('supervisor.actions.moveTarget')}</label>
          <select
            id="sv-move-target"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          >
            {overview.queues.map((queue) => (
              <option
                key={queue.categoryId}
                value={queue.categoryId}
                disabled={queue.categoryId === ticket?.categoryId}
              >
                {queue.prefix} · {queue.name}
              </option>
            ))}
          </select>
          <DialogFooter
            error={error}
            busy={busy}
            confirm={t('supervisor.actions.moveConfirm')}
            onCancel={props.onClose}
          />
        </form>
      )}
    </Dialog>
  );
}
