import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { IpcError, QueuePanel } from '../../../common/contract';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { AppInfoDialog } from '../appInfo/AppInfoDialog';
import { useReferenceList } from '../reference/referenceApi';
import { CommandBar } from './CommandBar';
import { commandAvailability, type PanelCommand } from './commandAvailability';
import { CounterCard } from './CounterCard';
import { formatTimeOfDay } from './durations';
import { FinishDialog } from './FinishDialog';
import { ManualVisitCard, MANUAL_FINISH_FORM_ID } from './ManualVisitCard';
import { OfflineBanner } from './OfflineBanner';
import { PauseDialog } from './PauseDialog';
import { useQueueCommandMutation, useQueuePanelQuery, type QueueCommand } from './queueApi';
import { queueErrorText, whyNotText } from './queueMessages';
import {
  dialogClosed,
  dialogOpened,
  noticeCleared,
  noticeShown,
  selectQueueDialog,
  selectQueueNotice,
  type QueueNotice,
} from './queueSlice';
import { ServedTicket } from './ServedTicket';
import { AppointmentsList, NoShowList, ParkedList } from './SideLists';
import { TransferDialog } from './TransferDialog';
import { useFunctionKeys } from './useFunctionKeys';
import { useServerNow } from './useServerNow';
import { WaitingList } from './WaitingList';
import { WalkInDialog } from './WalkInDialog';

/** The channels whose success the panel confirms in words (the rest show on the panel itself). */
const CONFIRMED = new Set<string>([
  'queue:open',
  'queue:close',
  'queue:noShow',
  'queue:transfer',
  'queue:park',
  'queue:finish',
  'queue:pause',
  'queue:resume',
  'queue:bringBack',
]);

/**
 * The counter panel, the clerk's screen all day: the ticket at the counter big, the commands on
 * buttons and function keys, who waits in this counter's categories, the next appointments, and
 * when the central server is down, the paper-ticket path. F12 shows this workstation's details.
 */
export function CounterPanel({ login }: { login: string }) {
  const { t, i18n } = useTranslation();
  const dispatch = useAppDispatch();
  const { data: panel, error } = useQueuePanelQuery();
  const [send, { isLoading: busy }] = useQueueCommandMutation();
  const dialog = useAppSelector(selectQueueDialog);
  const now = useServerNow();
  const categories = useReferenceList('category');
  const caseTypes = useReferenceList('caseType');

  const categoryName = (categoryId: string): string =>
    categories?.find((category) => category.id === categoryId)?.name ??
    panel?.categories.find((category) => category.categoryId === categoryId)?.name ??
    categoryId;

  async function run(command: QueueCommand): Promise<QueuePanel | null> {
    const ticketBefore = panel?.counter?.currentTicket?.number ?? '';
    try {
      const after = await send(command).unwrap();
      dispatch(
        CONFIRMED.has(command.channel)
          ? noticeShown({
              tone: 'info',
              code: command.channel,
              message: '',
              values: { number: ticketBefore },
            })
          : noticeCleared(),
      );
      return after;
    } catch (failure) {
      const ipc = failure as IpcError;
      dispatch(noticeShown({ tone: 'error', code: ipc.code, message: ipc.message }));
      return null;
    }
  }

  async function runAndClose(command: QueueCommand): Promise<void> {
    if (await run(command)) dispatch(dialogClosed());
  }

  const availability = panel ? commandAvailability(panel, now, login) : null;

  function act(command: PanelCommand): void {
    if (!panel || !availability || busy) return;
    const state = availability[command];
    if (!state.enabled) {
      dispatch(
        noticeShown({
          tone: 'error',
          code: `why.${state.why}`,
          message: whyNotText(t, state) ?? '',
        }),
      );
      return;
    }
    switch (command) {
      case 'transfer':
      case 'finish':
      case 'pause':
      case 'walkIn':
        dispatch(dialogOpened(command));
        return;
      default:
        // The rest take no payload: `queue:callNext`, `queue:recall`, `queue:open`…
        void run({ channel: `queue:${command}`, payload: {} } as QueueCommand);
    }
  }

  const pausedNow = panel?.counter?.state === 'paused';
  useFunctionKeys(
    {
      F2: () => act('callNext'),
      F3: () => act('recall'),
      F4: () => act('noShow'),
      F6: () => act('transfer'),
      F7: () => act('park'),
      F8: () =>
        panel?.manualVisit
          ? document.querySelector<HTMLFormElement>(`#${MANUAL_FINISH_FORM_ID}`)?.requestSubmit()
          : act('finish'),
      F9: () => act(pausedNow ? 'resume' : 'pause'),
      F12: () => dispatch(dialogOpened('info')),
    },
    dialog === null,
  );

  if (error) {
    return (
      <p role="alert" className="error">
        {queueErrorText(t, error as IpcError)}
      </p>
    );
  }
  if (!panel || !availability) return <p aria-busy="true">{t('app.loading')}</p>;

  const manualPath =
    panel.manualVisit !== null ||
    panel.link === 'offline' ||
    panel.link === 'offline-session' ||
    panel.link === 'refused';
  const close = () => dispatch(dialogClosed());

  return (
    <div className="queue-panel" data-testid="queue-panel" data-link={panel.link}>
      <OfflineBanner panel={panel} />
      <div className="queue-grid">
        <div className="queue-main">
          {manualPath ? (
            <ManualVisitCard
              panel={panel}
              now={now}
              busy={busy}
              onStart={(ticketNumber) =>
                void run({ channel: 'queue:startManualVisit', payload: { ticketNumber } })
              }
              onFinish={(note) => {
                const number = panel.manualVisit?.ticketNumber ?? '';
                void run({ channel: 'queue:finishManualVisit', payload: { note } }).then(
                  (after) =>
                    after &&
                    dispatch(
                      noticeShown({
                        tone: 'info',
                        code: 'manual-recorded',
                        message: '',
                        values: { number },
                      }),
                    ),
                );
              }}
            />
          ) : (
            <ServedTicket panel={panel} now={now} categoryName={categoryName} />
          )}
          {/* Without the queue the paper-ticket path is the one to take; F-keys still say why. */}
          {manualPath ? null : (
            <CommandBar availability={availability} busy={busy} onCommand={act} />
          )}
          <NoticeLine />
        </div>
        <aside
          className={panel.link === 'online' ? 'queue-side' : 'queue-side queue-side-stale'}
          aria-label={t('queue.sideLabel')}
        >
          {panel.link === 'online' || panel.link === 'idle' ? null : (
            <p className="stale-note" data-testid="queue-stale">
              {panel.updatedAt
                ? t('queue.stale', { time: formatTimeOfDay(panel.updatedAt, i18n.language) })
                : t('queue.staleNever')}
            </p>
          )}
          <CounterCard
            panel={panel}
            availability={availability}
            busy={busy}
            onCommand={act}
            onCallTicket={(number) =>
              void run({ channel: 'queue:callTicket', payload: { number } })
            }
          />
          <WaitingList panel={panel} />
          <AppointmentsList panel={panel} categoryName={categoryName} />
          <ParkedList
            panel={panel}
            canResume={availability.walkIn.enabled && !busy}
            onResume={(ticketId) =>
              void run({ channel: 'queue:resumeParked', payload: { ticketId } })
            }
          />
          <NoShowList
            panel={panel}
            enabled={panel.link === 'online' && !busy}
            onBringBack={(ticketId) =>
              void run({ channel: 'queue:bringBack', payload: { ticketId } })
            }
          />
        </aside>
      </div>

      {dialog === 'transfer' ? (
        <TransferDialog
          panel={panel}
          categories={categories ?? []}
          onTransfer={(target) => void runAndClose({ channel: 'queue:transfer', payload: target })}
          onClose={close}
        />
      ) : null}
      {dialog === 'finish' ? (
        <FinishDialog
          panel={panel}
          caseTypes={caseTypes ?? []}
          onFinish={(visit) => void runAndClose({ channel: 'queue:finish', payload: visit })}
          onClose={close}
        />
      ) : null}
      {dialog === 'pause' ? (
        <PauseDialog
          onPause={(reason) => void runAndClose({ channel: 'queue:pause', payload: { reason } })}
          onClose={close}
        />
      ) : null}
      {dialog === 'walkIn' ? (
        <WalkInDialog
          panel={panel}
          categoryName={categoryName}
          onWalkIn={(walkIn) => void runAndClose({ channel: 'queue:walkIn', payload: walkIn })}
          onClose={close}
        />
      ) : null}
      <AppInfoDialog />
    </div>
  );
}

/** What the last command said: a refusal in the clerk's words, or a short confirmation. */
function NoticeLine() {
  const { t } = useTranslation();
  const notice = useAppSelector(selectQueueNotice);
  return (
    <p
      className={notice ? `queue-notice queue-notice-${notice.tone}` : 'queue-notice'}
      role="status"
      aria-live="polite"
      data-testid="queue-notice"
    >
      {notice ? noticeText(t, notice) : '\u00a0'}
    </p>
  );
}

function noticeText(t: TFunction, notice: QueueNotice): string {
  if (notice.code.startsWith('why.')) return notice.message;
  const values = { number: '', ...notice.values };
  if (notice.code === 'manual-recorded') return t('queue.offline.recorded', values);
  if (notice.tone === 'info') {
    const done = notice.code.replace(/^queue:/, '');
    return String(t(`queue.done.${done}` as never, values));
  }
  return queueErrorText(t, notice);
}
