import { useTranslation } from 'react-i18next';
import type { SupervisorOverview } from '../../../common/contract/central/supervisor';
import { formatTimeOfDay } from '../queue/durations';
import { formatMinutes, hoursAndMinutes } from './supervisorFormat';
import { SupervisorPanel } from './SupervisorPanel';

/** Statuses that need the supervisor to act: shown as a warning, in words and colour. */
const WARNINGS = new Set(['at-risk', 'overrun', 'no-counters']);

/** When the queue should be empty, against closing time, and who may not be served in time. */
export function ForecastPanel({ overview }: { overview: SupervisorOverview }) {
  const { t, i18n } = useTranslation();
  const { forecast } = overview;
  const time = (iso: string | null) =>
    iso ? formatTimeOfDay(iso, i18n.language) : t('supervisor.forecast.unknown');
  const margin = (minutes: number | null) => {
    const { hours, minutes: rest } = hoursAndMinutes(Math.abs(minutes ?? 0));
    return hours > 0
      ? t('supervisor.duration.hours', { hours, minutes: rest })
      : t('supervisor.duration.minutes', { minutes: rest });
  };
  const warning = WARNINGS.has(forecast.status);
  const critical = forecast.status === 'at-risk';
  return (
    <SupervisorPanel id="sv-forecast" title={t('supervisor.forecast.heading')}>
      <p
        className={
          critical
            ? 'sv-callout sv-callout-critical'
            : warning
              ? 'sv-callout sv-callout-warning'
              : 'sv-callout'
        }
        data-testid="sv-forecast-status"
        data-status={forecast.status}
      >
        {t(`supervisor.forecast.status.${forecast.status}`, {
          emptyAt: time(forecast.emptyAt),
          closesAt: time(forecast.closesAt),
          margin: margin(forecast.marginMinutes),
          cutoff: forecast.cutoff,
          count: forecast.atRiskTickets,
        })}
      </p>
      <dl className="sv-figures sv-figures-compact">
        <div className="sv-figure">
          <dt>{t('supervisor.forecast.waiting')}</dt>
          <dd>{forecast.waiting}</dd>
        </div>
        <div className="sv-figure">
          <dt>{t('supervisor.forecast.openCounters')}</dt>
          <dd>{forecast.openCounters}</dd>
        </div>
        <div className="sv-figure">
          <dt>{t('supervisor.forecast.serviceMinutes')}</dt>
          <dd>
            {t('supervisor.minutes', {
              minutes: formatMinutes(forecast.serviceMinutes, i18n.language),
            })}
          </dd>
        </div>
        <div className="sv-figure">
          <dt>{t('supervisor.forecast.emptyAt')}</dt>
          <dd>{time(forecast.emptyAt)}</dd>
        </div>
        <div className="sv-figure">
          <dt>{t('supervisor.forecast.closesAt')}</dt>
          <dd>{time(forecast.closesAt)}</dd>
        </div>
      </dl>
    </SupervisorPanel>
  );
}
