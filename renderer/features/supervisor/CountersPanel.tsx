import { useTranslation } from 'react-i18next';
import type {
  SupervisorCounter,
  SupervisorOverview,
} from '../../../common/contract/central/supervisor';
import { formatDuration, formatTimeOfDay } from '../queue/durations';
import { useServerNow } from '../queue/useServerNow';
import type { SupervisorDialog } from './supervisorDialogs';
import { SupervisorPanel } from './SupervisorPanel';
import { SupervisorTable } from './SupervisorTable';

/**
 * Every counter of the site now: what it does (serving, calling, free, paused with its reason,
 * closed), who is at it, the ticket and the time on it, how many it served today; and the
 * supervisor's actions on it.
 */
export function CountersPanel(props: {
  overview: SupervisorOverview;
  onDialog: (dialog: SupervisorDialog) => void;
}) {
  const { t, i18n } = useTranslation();
  const { overview } = props;
  const now = useServerNow();
  const categoryName = (categoryId: string) =>
    overview.queues.find((queue) => queue.categoryId === categoryId)?.name ?? categoryId;
  const prefix = (categoryId: string) =>
    overview.queues.find((queue) => queue.categoryId === categoryId)?.prefix ?? '?';
  /** Why it is paused, when the reason says more than "a break". */
  const pauseReason = (counter: SupervisorCounter) =>
    counter.activity === 'paused' && counter.pauseReason && counter.pauseReason !== 'break'
      ? t(`queue.pauseReasons.${counter.pauseReason}`)
      : null;
  const stateText = (counter: SupervisorCounter) => {
    const state = t(`supervisor.counters.activity.${counter.activity}`);
    const reason = pauseReason(counter);
    return reason ? `${state} (${reason})` : state;
  };
  const ticketTime = (counter: SupervisorCounter) =>
    counter.ticket ? formatDuration(now - Date.parse(counter.ticket.calledAt)) : null;

  const headers = [
    t('supervisor.counters.number'),
    t('supervisor.counters.counter'),
    t('supervisor.counters.state'),
    t('supervisor.counters.clerk'),
    t('supervisor.counters.ticket'),
    t('supervisor.counters.ticketTime'),
    t('supervisor.counters.servedToday'),
    t('supervisor.counters.categories'),
  ];

  return (
    <SupervisorPanel
      id="sv-counters"
      title={t('supervisor.counters.heading')}
      wide
      csv={{
        table: t('supervisor.counters.heading'),
        fileName: `stanowiska-${overview.day}.csv`,
        build: () => ({
          headers,
          rows: overview.counters.map((counter) => [
            counter.number,
            counter.name,
            stateText(counter),
            counter.clerk?.displayName ?? null,
            counter.ticket?.number ?? null,
            ticketTime(counter),
            counter.servedToday,
            counter.categoryIds.map(categoryName).join(', '),
          ]),
        }),
      }}
    >
      <SupervisorTable
        caption={t('supervisor.counters.caption')}
        headers={[...headers.slice(1), t('supervisor.counters.actions')]}
        items={overview.counters}
        none={t('supervisor.counters.none')}
        row={(counter) => (
          <tr
            key={counter.counterId}
            data-testid={`sv-counter-${counter.number}`}
            data-activity={counter.activity}
          >
            <th scope="row" className="sv-nowrap">
              {counter.name}
            </th>
            <td>
              <span className={`sv-state sv-state-${counter.activity}`}>
                {t(`supervisor.counters.activity.${counter.activity}`)}
              </span>
              {pauseReason(counter) ? (
                <span className="small sv-block">
                  {t('supervisor.counters.pauseReason', { reason: pauseReason(counter) })}
                </span>
              ) : null}
              {counter.stateSince ? (
                <span className="muted small sv-block">
                  {t('supervisor.counters.since', {
                    time: formatTimeOfDay(counter.stateSince, i18n.language),
                  })}
                </span>
              ) : null}
            </td>
            <td className="sv-nowrap">
              {counter.clerk?.displayName ?? t('supervisor.counters.noClerk')}
            </td>
            <td data-testid={`sv-counter-${counter.number}-ticket`}>
              {counter.ticket ? (
                <>
                  <strong className="sv-ticket">{counter.ticket.number}</strong>
                  {counter.ticket.recalls > 0 ? (
                    <span className="muted small sv-block">
                      {t('supervisor.counters.recalls', { count: counter.ticket.recalls })}
                    </span>
                  ) : null}
                </>
              ) : (
                t('supervisor.counters.noTicket')
              )}
            </td>
            <td className="sv-num">{ticketTime(counter) ?? '—'}</td>
            <td className="sv-num" data-testid={`sv-counter-${counter.number}-served`}>
              {counter.servedToday}
            </td>
            <td>
              <ul className="sv-prefixes">
                {counter.categoryIds.map((categoryId) => (
                  <li key={categoryId} title={categoryName(categoryId)}>
                    <span className="prefix-badge" aria-hidden="true">
                      {prefix(categoryId)}
                    </span>
                    <span className="visually-hidden">{categoryName(categoryId)}</span>
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <CounterActions counter={counter} onDialog={props.onDialog} />
            </td>
          </tr>
        )}
      />
    </SupervisorPanel>
  );
}

function CounterActions(props: {
  counter: SupervisorCounter;
  onDialog: (dialog: SupervisorDialog) => void;
}) {
  const { t } = useTranslation();
  const { counter, onDialog } = props;
  const name = counter.name;
  return (
    <div className="sv-row-actions">
      <button
        type="button"
        className="action"
        aria-label={`${t('supervisor.actions.categories')} ${name}`}
        onClick={() => onDialog({ kind: 'categories', counterId: counter.counterId })}
      >
        {t('supervisor.actions.categories')}
      </button>
      {counter.activity === 'paused' ? (
        <button
          type="button"
          className="action"
          aria-label={`${t('supervisor.actions.endPause')}: ${name}`}
          onClick={() => onDialog({ kind: 'state', counterId: counter.counterId, state: 'open' })}
        >
          {t('supervisor.actions.endPause')}
        </button>
      ) : counter.activity !== 'closed' ? (
        <button
          type="button"
          className="action"
          aria-label={`${t('supervisor.actions.close')}: ${name}`}
          onClick={() => onDialog({ kind: 'state', counterId: counter.counterId, state: 'closed' })}
        >
          {t('supervisor.actions.close')}
        </button>
      ) : null}
      <button
        type="button"
        className="action"
        aria-label={`${t('supervisor.actions.message')} ${name}`}
        onClick={() => onDialog({ kind: 'message', counterId: counter.counterId })}
      >
        {t('supervisor.actions.message')}
      </button>
    </div>
  );
}
