import { skipToken } from '@reduxjs/toolkit/query/react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDraftInput } from '../../../common/contract';
import { useAppInfoQuery, useOpenWindowMutation } from '../../app/clerkApi';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { WindowFrame } from '../../components/WindowFrame';
import { useSessionQuery } from '../auth/authApi';
import { AppInfoDialog } from '../appInfo/AppInfoDialog';
import { AssistantDesk, isAssistantOnly } from '../assistant/AssistantDesk';
import { LoginScreen } from '../auth/LoginScreen';
import { SessionActions } from '../auth/SessionActions';
import { CaseWorkspace } from '../cases/CaseWorkspace';
import { draftFromTicket } from '../cases/draftFromTicket';
import { LockerDesk, isLockerDesk } from '../lockers/LockerDesk';
import { TerminalButton } from '../payments/TerminalDialog';
import { CounterPanel } from '../queue/CounterPanel';
import { useQueuePanelQuery } from '../queue/queueApi';
import { dialogOpened, selectQueueDialog } from '../queue/queueSlice';
import { useReferenceList } from '../reference/referenceApi';
import { CounterMessageBanner } from '../supervisor/CounterMessageBanner';
import { FailedMutationsPanel } from '../sync/FailedMutationsPanel';
import { UpdateBanner } from '../updates/UpdateBanner';

/** Ctrl+Shift+K opens the supervisor window (K: kierownik), without the mouse. */
const OPEN_SUPERVISOR_KEY = 'K';
/** F10 opens the case form for the ticket being served (F2–F9 and F12 are the queue's). */
const NEW_CASE_KEY = 'F10';

export function CounterWindow() {
  const { t } = useTranslation();
  const { data } = useAppInfoQuery();
  const { data: auth, error: authError } = useSessionQuery();
  const session = auth?.session ?? null;
  const openSupervisor = useOpenSupervisor();
  const dispatch = useAppDispatch();
  const cases = useCaseDesk(session?.user.login ?? null);
  useEffect(() => {
    if (!session) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.key.toUpperCase() === OPEN_SUPERVISOR_KEY) {
        event.preventDefault();
        openSupervisor();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSupervisor, session]);

  return (
    <WindowFrame
      title={
        // The hall's desks are not counters: their header names the desk, not a counter number.
        session && isAssistantOnly(session)
          ? t('assistant.title')
          : session && isLockerDesk(session)
            ? t('lockers.title')
            : data
              ? t('counter.title', { number: data.config.counter.number })
              : t('app.name')
      }
      windowTitle={session ? t('counter.windowTitle') : t('auth.windowTitle')}
      actions={
        session ? (
          <>
            {/* The details dialog belongs to the queue panel: not offered over the case desk. */}
            {cases.mode === 'queue' ? (
              <button
                type="button"
                onClick={() => dispatch(dialogOpened('info'))}
                aria-keyshortcuts="F12"
                data-testid="open-info"
              >
                {t('queue.commands.info')} <kbd>F12</kbd>
              </button>
            ) : null}
            {/* The payment terminal: reconciliation and end of day (Ctrl+Shift+P). */}
            {isAssistantOnly(session) || isLockerDesk(session) ? null : <TerminalButton />}
            <button type="button" onClick={openSupervisor} aria-keyshortcuts="Control+Shift+K">
              {t('counter.openSupervisor')} <kbd>Ctrl+Shift+K</kbd>
            </button>
            <SessionActions session={session} />
          </>
        ) : null
      }
    >
      {authError ? (
        <p role="alert" className="error">
          {t('app.loadFailed', {
            message: 'message' in authError ? String(authError.message) : '',
          })}
        </p>
      ) : !auth ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : !session ? (
        <LoginScreen demo={auth.demo} />
      ) : isAssistantOnly(session) ? (
        // The Resident Assistant's desk in the hall: checklists and tickets, no counter.
        <>
          <AssistantDesk />
          <AppInfoDialog />
        </>
      ) : isLockerDesk(session) ? (
        // The locker desk at ul. Focha: envelopes, labels and the urzędomat, no counter.
        <>
          <LockerDesk />
          <AppInfoDialog />
        </>
      ) : (
        <>
          <UpdateBanner />
          <CounterMessageBanner />
          {/* The clerk's screen; this PC's details are one key away (F12, in a dialog). The case
              desk stays mounted once opened, so going back to the queue loses nothing typed. */}
          {cases.mode === 'queue' ? (
            <>
              <div className="counter-modes">
                <button
                  type="button"
                  className="action"
                  onClick={cases.openCases}
                  aria-keyshortcuts={NEW_CASE_KEY}
                  data-testid="open-cases"
                >
                  {t('cases.newCase')} <kbd>{NEW_CASE_KEY}</kbd>
                </button>
              </div>
              <CounterPanel login={session.user.login} />
            </>
          ) : null}
          {cases.opened ? (
            <div hidden={cases.mode !== 'cases'}>
              <CaseWorkspace
                newDraft={cases.newDraft}
                startSignal={cases.startSignal}
                onBack={cases.backToQueue}
              />
            </div>
          ) : null}
          <FailedMutationsPanel />
        </>
      )}
    </WindowFrame>
  );
}

/**
 * Which screen the counter shows, the queue panel or the case desk, and the keys between them:
 * F10 (from the queue panel, no dialog open) opens a case for the ticket being served, with the
 * Resident Assistant's checklist when the ticket carries one; Esc goes back to the queue (unless
 * a field used it, e.g. to close the case type list).
 */
function useCaseDesk(login: string | null) {
  const [desk, setDesk] = useState<{ login: string; mode: 'queue' | 'cases' } | null>(null);
  const [startSignal, setStartSignal] = useState(0);
  // After a logout the next login (the same clerk too) starts on the queue panel, desk closed.
  const [loginSeen, setLoginSeen] = useState(login);
  if (login !== loginSeen) {
    setLoginSeen(login);
    setDesk(null);
  }
  const { data: panel } = useQueuePanelQuery(login ? undefined : skipToken);
  const caseTypes = useReferenceList('caseType');
  const dialog = useAppSelector(selectQueueDialog);
  const ticket = panel?.counter?.currentTicket ?? null;
  const opened = desk !== null && login !== null && desk.login === login;
  const mode = opened ? desk.mode : 'queue';

  const newDraft = useCallback(
    (): CaseDraftInput => (ticket ? draftFromTicket(ticket, caseTypes ?? []) : {}),
    [ticket, caseTypes],
  );
  const openCases = useCallback(() => {
    if (!login) return;
    setDesk({ login, mode: 'cases' });
    setStartSignal((signal) => signal + 1);
  }, [login]);
  const backToQueue = useCallback(() => {
    if (login) setDesk({ login, mode: 'queue' });
  }, [login]);

  useEffect(() => {
    if (!login) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (mode === 'queue' && dialog === null && event.key === NEW_CASE_KEY) {
        event.preventDefault();
        if (!event.repeat) openCases();
      } else if (mode === 'cases' && event.key === NEW_CASE_KEY) {
        // The browser's own F10 (the menu bar) is no help here either.
        event.preventDefault();
      } else if (mode === 'cases' && event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        backToQueue();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [login, mode, dialog, openCases, backToQueue]);

  return { mode, opened, startSignal, newDraft, openCases, backToQueue };
}

function useOpenSupervisor(): () => void {
  const [openWindow] = useOpenWindowMutation();
  return useCallback(() => {
    void openWindow('supervisor')
      .unwrap()
      .then((answer) => {
        // The browser host has no windows of its own: it answers with the route to open.
        if (!answer.opened) window.open(answer.route, '_blank', 'noopener');
      });
  }, [openWindow]);
}
