import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type {
  SupervisorOverview,
  TimelineBucket,
} from '../../../common/contract/central/supervisor';
import { SupervisorPanel } from './SupervisorPanel';

/** The app's palette (styles.css): the accent, the "ok" green, the "warn" amber; AA on white. */
const ARRIVALS_COLOUR = '#0b4f9c';
const SERVED_COLOUR = '#1b6e35';
const WAITING_COLOUR = '#8a5a00';
const GRID_COLOUR = '#c9d0d8';
const CHART_HEIGHT = 240;

/**
 * The day so far in 15-minute slots: arrivals and services as bars, the waiting count as a line.
 * Each chart has a caption and, for a screen reader or a closer look, its data as a table.
 */
export function ChartsPanel({ overview }: { overview: SupervisorOverview }) {
  const { t } = useTranslation();
  const timeline = overview.timeline;
  return (
    <SupervisorPanel
      id="sv-charts"
      title={t('supervisor.charts.heading')}
      wide
      csv={{
        table: t('supervisor.charts.heading'),
        fileName: `przebieg-dnia-${overview.day}.csv`,
        build: () => ({
          headers: [
            t('supervisor.charts.slot'),
            t('supervisor.charts.arrivals'),
            t('supervisor.charts.served'),
            t('supervisor.charts.waiting'),
          ],
          rows: timeline.map((slot) => [slot.label, slot.arrivals, slot.served, slot.waitingAtEnd]),
        }),
      }}
    >
      {timeline.length === 0 ? (
        <p className="muted">{t('supervisor.charts.empty')}</p>
      ) : (
        <div className="sv-charts">
          <ChartFigure
            title={t('supervisor.charts.flowHeading')}
            caption={t('supervisor.charts.flowCaption')}
            timeline={timeline}
            columns={['arrivals', 'served']}
            testId="sv-chart-flow"
          >
            <BarChart data={timeline} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={GRID_COLOUR} strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" minTickGap={16} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar
                dataKey="arrivals"
                name={t('supervisor.charts.arrivals')}
                fill={ARRIVALS_COLOUR}
                isAnimationActive={false}
              />
              <Bar
                dataKey="served"
                name={t('supervisor.charts.served')}
                fill={SERVED_COLOUR}
                isAnimationActive={false}
              />
            </BarChart>
          </ChartFigure>
          <ChartFigure
            title={t('supervisor.charts.waitingHeading')}
            caption={t('supervisor.charts.waitingCaption')}
            timeline={timeline}
            columns={['waitingAtEnd']}
            testId="sv-chart-waiting"
          >
            <LineChart data={timeline} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={GRID_COLOUR} strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" minTickGap={16} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line
                type="linear"
                dataKey="waitingAtEnd"
                name={t('supervisor.charts.waiting')}
                stroke={WAITING_COLOUR}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ChartFigure>
        </div>
      )}
    </SupervisorPanel>
  );
}

type Column = 'arrivals' | 'served' | 'waitingAtEnd';
const COLUMN_LABEL = {
  arrivals: 'supervisor.charts.arrivals',
  served: 'supervisor.charts.served',
  waitingAtEnd: 'supervisor.charts.waiting',
} as const;

function ChartFigure(props: {
  title: string;
  caption: string;
  timeline: TimelineBucket[];
  columns: Column[];
  testId: string;
  children: ReactElement;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <figure className="sv-chart" aria-labelledby={captionId} data-testid={props.testId}>
      <h3>{props.title}</h3>
      <figcaption id={captionId} className="muted small">
        {props.caption}
      </figcaption>
      <div className="sv-chart-canvas">
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          {props.children}
        </ResponsiveContainer>
      </div>
      <details className="sv-chart-data">
        <summary>{t('supervisor.charts.showTable')}</summary>
        <table className="sv-table sv-table-compact">
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supervisor.charts.slot')}</th>
              {props.columns.map((column) => (
                <th key={column} scope="col">
                  {t(COLUMN_LABEL[column])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.timeline.map((slot) => (
              <tr key={slot.start}>
                <th scope="row">{slot.label}</th>
                {props.columns.map((column) => (
                  <td key={column} className="sv-num">
                    {slot[column]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
