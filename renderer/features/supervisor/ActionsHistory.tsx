import { useTranslation } from 'react-i18next';
import type { SupervisorOverview } from '../../../common/contract/central/supervisor';
import { formatTimeOfDay } from '../queue/durations';
import { SupervisorPanel } from './SupervisorPanel';

/** What the supervisors did today at this site, newest first (the server keeps the journal). */
export function ActionsHistory({ overview }: { overview: SupervisorOverview }) {
  const { t, i18n } = useTranslation();
  const counterNumber = (counterId: string | null) =>
    overview.counters.find((counter) => counter.counterId === counterId)?.number ?? '?';
  return (
    <SupervisorPanel id="sv-history" title={t('supervisor.history.heading')}>
      {overview.actions.length === 0 ? (
        <p className="muted">{t('supervisor.history.none')}</p>
      ) : (
        <ol className="sv-history">
          {overview.actions.map((action) => (
            <li key={action.id}>
              <span className="sv-history-time">{formatTimeOfDay(action.at, i18n.language)}</span>{' '}
              {t('supervisor.history.entry', {
                what: t(`supervisor.history.kinds.${action.kind}`, {
                  counter: counterNumber(action.counterId),
                  ticket: action.ticketNumber ?? '?',
                }),
                actor: action.actor,
              })}
            </li>
          ))}
        </ol>
      )}
    </SupervisorPanel>
  );
}
