import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, SupervisorView } from '../../../common/contract';
import type { SupervisorOverview } from '../../../common/contract/central/supervisor';
import { formatTimeOfDay } from '../queue/durations';
import { ActionsHistory } from './ActionsHistory';
import { AlertsPanel } from './AlertsPanel';
import { ChartsPanel } from './ChartsPanel';
import { CounterCategoriesDialog } from './CounterCategoriesDialog';
import { CounterMessageDialog } from './CounterMessageDialog';
import { CountersPanel } from './CountersPanel';
import { CounterStateDialog } from './CounterStateDialog';
import { ExportButtons } from './ExportButtons';
import { FiguresPanel } from './FiguresPanel';
import { ForecastPanel } from './ForecastPanel';
import { LockerPanel } from './LockerPanel';
import { MoveTicketDialog } from './MoveTicketDialog';
import { PaymentsPanel } from './PaymentsPanel';
import { QueuesPanel } from './QueuesPanel';
import {
  useSupervisorActionMutation,
  useSupervisorViewQuery,
  type SupervisorAction,
} from './supervisorApi';
import type { SupervisorDialog } from './supervisorDialogs';
import { formatDay } from './supervisorFormat';
import { supervisorProblemText } from './supervisorMessages';

/**
 * The shift overview, live: main pushes every change (`supervisor:overviewChanged`), so a clerk's
 * call shows here within a second. Without the central server the last overview stays, marked
 * as stale.
 */
export function ShiftOverview() {
  const { t } = useTranslation();
  // Asked afresh each time the window shows it (after a login, the last answer may be a refusal).
  const { data: view, error } = useSupervisorViewQuery(undefined, {
    refetchOnMountOrArgChange: true,
  });
  if (error) {
    return (
      <p role="alert" className="error" data-testid="sv-problem">
        {t('supervisor.link.refused', { reason: supervisorProblemText(t, error as IpcError) })}
      </p>
    );
  }
  if (!view) return <p aria-busy="true">{t('supervisor.loading')}</p>;
  return (
    <div className="sv-overview" data-testid="sv-overview" data-link={view.link}>
      <LinkNotice view={view} />
      {view.overview ? (
        <OverviewPanels overview={view.overview} updatedAt={view.updatedAt} />
      ) : (
        <p className="muted">{t('supervisor.link.noData')}</p>
      )}
    </div>
  );
}

/** Offline or refused: why, and how old the figures on screen are. */
function LinkNotice({ view }: { view: SupervisorView }) {
  const { t, i18n } = useTranslation();
  if (view.link === 'online') return null;
  const since = view.updatedAt
    ? ` ${t('supervisor.link.staleSince', { time: formatTimeOfDay(view.updatedAt, i18n.language) })}`
    : '';
  const text =
    view.link === 'offline'
      ? t('supervisor.link.offline')
      : t('supervisor.link.refused', {
          reason: view.problemCode
            ? t(`supervisor.problems.${view.problemCode}`)
            : t('supervisor.problems.refused'),
        });
  return (
    <p className="sv-link-notice" role="status" data-testid="sv-link-notice">
      {text}
      {since}
    </p>
  );
}

/** What the last action did, kept as a key so it follows a change of language. */
type ActionNotice = {
  key:
    | 'supervisor.actions.categoriesSaved'
    | 'supervisor.actions.closed'
    | 'supervisor.actions.pauseEnded'
    | 'supervisor.actions.messageSent'
    | 'supervisor.actions.moved';
  values: Record<string, string | number>;
};

function OverviewPanels(props: { overview: SupervisorOverview; updatedAt: string | null }) {
  const { t, i18n } = useTranslation();
  const { overview } = props;
  const [dialog, setDialog] = useState<SupervisorDialog | null>(null);
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [send] = useSupervisorActionMutation();
  const close = () => setDialog(null);

  /** Runs an action: null when done (the dialog closes), else why not (the dialog stays). */
  async function run(action: SupervisorAction, done: ActionNotice): Promise<string | null> {
    try {
      await send(action).unwrap();
      setDialog(null);
      setNotice(done);
      return null;
    } catch (failure) {
      return t('supervisor.errors.action', {
        message: supervisorProblemText(t, failure as IpcError),
      });
    }
  }

  const counter =
    dialog && dialog.kind !== 'move'
      ? (overview.counters.find((candidate) => candidate.counterId === dialog.counterId) ?? null)
      : null;
  const time = (iso: string) => formatTimeOfDay(iso, i18n.language);

  return (
    <>
      <div className="sv-summary">
        <div>
          <p className="sv-site" data-testid="sv-site">
            {t('supervisor.siteDay', {
              site: overview.siteName,
              day: formatDay(overview.day, i18n.language),
            })}
          </p>
          <p className="muted small">
            {overview.hours
              ? t('supervisor.hours', {
                  opens: overview.hours.opens,
                  closes: overview.hours.closes,
                  lastTicket: overview.hours.lastTicket,
                })
              : t('supervisor.closedToday')}
            {' · '}
            {t('supervisor.updatedAt', { time: time(props.updatedAt ?? overview.now) })}
          </p>
        </div>
        <ExportButtons />
      </div>
      <p className="sv-notice" role="status" data-testid="sv-notice">
        {notice ? t(notice.key, notice.values) : ''}
      </p>
      <div className="sv-grid">
        <CountersPanel overview={overview} onDialog={setDialog} />
        <QueuesPanel overview={overview} onDialog={setDialog} />
        <AlertsPanel overview={overview} />
        <ForecastPanel overview={overview} />
        <FiguresPanel overview={overview} />
        <ChartsPanel overview={overview} />
        <PaymentsPanel overview={overview} />
        <LockerPanel overview={overview} />
        <ActionsHistory overview={overview} />
      </div>

      {dialog?.kind === 'categories' && counter ? (
        <CounterCategoriesDialog
          counter={counter}
          categories={overview.queues}
          onClose={close}
          onSave={(categoryIds) =>
            run(
              {
                channel: 'supervisor:setCounterCategories',
                payload: { counterId: counter.counterId, categoryIds },
              },
              { key: 'supervisor.actions.categoriesSaved', values: { counter: counter.number } },
            )
          }
        />
      ) : null}
      {dialog?.kind === 'state' && counter ? (
        <CounterStateDialog
          counter={counter}
          state={dialog.state}
          onClose={close}
          onConfirm={() =>
            run(
              {
                channel: 'supervisor:setCounterState',
                payload: { counterId: counter.counterId, state: dialog.state },
              },
              {
                key:
                  dialog.state === 'closed'
                    ? 'supervisor.actions.closed'
                    : 'supervisor.actions.pauseEnded',
                values: { counter: counter.number },
              },
            )
          }
        />
      ) : null}
      {dialog?.kind === 'message' && counter ? (
        <CounterMessageDialog
          counter={counter}
          onClose={close}
          onSend={(text) =>
            run(
              {
                channel: 'supervisor:sendMessage',
                payload: { counterId: counter.counterId, text },
              },
              { key: 'supervisor.actions.messageSent', values: { counter: counter.number } },
            )
          }
        />
      ) : null}
      {dialog?.kind === 'move' ? (
        <MoveTicketDialog
          overview={overview}
          onClose={close}
          onMove={(ticketId, toCategoryId) =>
            run(
              { channel: 'supervisor:moveTicket', payload: { ticketId, toCategoryId } },
              {
                key: 'supervisor.actions.moved',
                values: {
                  number:
                    overview.waitingTickets.find((ticket) => ticket.ticketId === ticketId)
                      ?.number ?? '',
                },
              },
            )
          }
        />
      ) : null}
    </>
  );
}
