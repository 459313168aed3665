import { useTranslation } from 'react-i18next';
import type {
  DurationStats,
  SupervisorOverview,
  WithinTarget,
} from '../../../common/contract/central/supervisor';
import { formatMinutes, formatPercent } from './supervisorFormat';
import { SupervisorPanel } from './SupervisorPanel';
import { SupervisorTable } from './SupervisorTable';

/** Today's figures of the site, then the same per clerk as a table. */
export function FiguresPanel({ overview }: { overview: SupervisorOverview }) {
  const { t, i18n } = useTranslation();
  const { figures } = overview;
  const minutes = (value: number | null) => {
    const shown = formatMinutes(value, i18n.language);
    return shown === null ? t('supervisor.noMinutes') : t('supervisor.minutes', { minutes: shown });
  };
  const share = (within: WithinTarget) => {
    const percent = formatPercent(within.share, i18n.language);
    return percent === null
      ? t('supervisor.noMinutes')
      : t('supervisor.figures.withinTargetValue', {
          share: t('supervisor.percent', { value: percent }),
          within: within.within,
          of: within.of,
        });
  };
  const facts: [string, string | number, string][] = [
    [t('supervisor.figures.issued'), figures.issued, 'issued'],
    [t('supervisor.figures.served'), figures.served, 'served'],
    [t('supervisor.figures.noShows'), figures.noShows, 'no-shows'],
    [t('supervisor.figures.transfers'), figures.transfers, 'transfers'],
    [t('supervisor.figures.waitMedian'), minutes(figures.wait.medianMinutes), 'wait-median'],
    [t('supervisor.figures.waitP90'), minutes(figures.wait.p90Minutes), 'wait-p90'],
    [t('supervisor.figures.serviceMedian'), minutes(figures.service.medianMinutes), 'svc-median'],
    [t('supervisor.figures.serviceP90'), minutes(figures.service.p90Minutes), 'svc-p90'],
    [
      t('supervisor.figures.withinTarget', { target: figures.withinTarget.targetMinutes }),
      share(figures.withinTarget),
      'within-target',
    ],
  ];
  const stats = (value: DurationStats) => [minutes(value.medianMinutes), minutes(value.p90Minutes)];
  const headers = [
    t('supervisor.figures.clerk'),
    t('supervisor.figures.served'),
    t('supervisor.figures.noShows'),
    t('supervisor.figures.transfers'),
    t('supervisor.figures.waitMedian'),
    t('supervisor.figures.waitP90'),
    t('supervisor.figures.serviceMedian'),
    t('supervisor.figures.serviceP90'),
    t('supervisor.figures.withinTarget', { target: overview.targetWaitMinutes }),
  ];
  const clerkRow = (clerk: SupervisorOverview['clerks'][number]) => [
    clerk.displayName,
    clerk.served,
    clerk.noShows,
    clerk.transfers,
    ...stats(clerk.wait),
    ...stats(clerk.service),
    share(clerk.withinTarget),
  ];

  return (
    <SupervisorPanel
      id="sv-figures"
      title={t('supervisor.figures.heading')}
      wide
      csv={{
        table: t('supervisor.figures.clerksHeading'),
        fileName: `urzednicy-${overview.day}.csv`,
        build: () => ({ headers, rows: overview.clerks.map(clerkRow) }),
      }}
    >
      <dl className="sv-figures">
        {facts.map(([label, value, key]) => (
          <div key={key} className="sv-figure" data-testid={`sv-figure-${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('supervisor.figures.clerksHeading')}</h3>
      <SupervisorTable
        caption={t('supervisor.figures.clerksCaption')}
        headers={headers}
        items={overview.clerks}
        none={t('supervisor.figures.noClerks')}
        row={(clerk) => {
          const [name, ...cells] = clerkRow(clerk);
          return (
            <tr key={clerk.login}>
              <th scope="row">{name}</th>
              {cells.map((value, index) => (
                <td key={index} className="sv-num">
                  {value}
                </td>
              ))}
            </tr>
          );
        }}
      />
    </SupervisorPanel>
  );
}
