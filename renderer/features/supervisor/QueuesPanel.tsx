import { useTranslation } from 'react-i18next';
import type { SupervisorOverview } from '../../../common/contract/central/supervisor';
import type { SupervisorDialog } from './supervisorDialogs';
import { SupervisorPanel } from './SupervisorPanel';
import { SupervisorTable } from './SupervisorTable';

/**
 * The queue of each category now: who waits (and how many with priority), the longest wait,
 * the wait a resident taking a ticket now can expect, the appointments due within the hour.
 */
export function QueuesPanel(props: {
  overview: SupervisorOverview;
  onDialog: (dialog: SupervisorDialog) => void;
}) {
  const { t } = useTranslation();
  const { overview } = props;
  const minutes = (value: number) => t('supervisor.minutes', { minutes: value });
  const headers = [
    t('supervisor.queues.category'),
    t('supervisor.queues.waiting'),
    t('supervisor.queues.priority'),
    t('supervisor.queues.longest'),
    t('supervisor.queues.estimated'),
    t('supervisor.queues.appointments'),
    t('supervisor.queues.openCounters'),
  ];
  return (
    <SupervisorPanel
      id="sv-queues"
      title={t('supervisor.queues.heading')}
      wide
      csv={{
        table: t('supervisor.queues.heading'),
        fileName: `kolejki-${overview.day}.csv`,
        build: () => ({
          headers,
          rows: overview.queues.map((queue) => [
            `${queue.prefix} ${queue.name}`,
            queue.waiting,
            queue.waitingPriority,
            queue.longestWaitMinutes,
            queue.estimatedWaitMinutes,
            queue.appointmentsNextHour,
            queue.openCounters,
          ]),
        }),
      }}
    >
      <SupervisorTable
        caption={t('supervisor.queues.caption')}
        headers={headers}
        items={overview.queues}
        none={t('supervisor.queues.none')}
        row={(queue) => (
          <tr
            key={queue.categoryId}
            data-testid={`sv-queue-${queue.categoryId}`}
            data-waiting={queue.waiting}
          >
            <th scope="row">
              <span className="prefix-badge" aria-hidden="true">
                {queue.prefix}
              </span>{' '}
              {queue.name}
            </th>
            <td className="sv-num sv-strong">{queue.waiting}</td>
            <td className="sv-num">{queue.waitingPriority}</td>
            <td
              className={
                queue.longestWaitMinutes > overview.targetWaitMinutes ? 'sv-num sv-over' : 'sv-num'
              }
            >
              {queue.waiting > 0 ? minutes(queue.longestWaitMinutes) : '—'}
            </td>
            <td className="sv-num">{minutes(queue.estimatedWaitMinutes)}</td>
            <td className="sv-num">{queue.appointmentsNextHour}</td>
            <td className="sv-num">{queue.openCounters}</td>
          </tr>
        )}
      />
      <div className="sv-panel-actions">
        <button
          type="button"
          className="action"
          disabled={overview.waitingTickets.length === 0}
          onClick={() => props.onDialog({ kind: 'move' })}
          data-testid="sv-move-ticket"
        >
          {t('supervisor.queues.moveTicket')}
        </button>
      </div>
    </SupervisorPanel>
  );
}
