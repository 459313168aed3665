import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfoQuery, useOpenWindowMutation } from '../../app/clerkApi';
import { useAppDispatch } from '../../app/hooks';
import { WindowFrame } from '../../components/WindowFrame';
import { useSessionQuery } from '../auth/authApi';
import { LoginScreen } from '../auth/LoginScreen';
import { SessionActions } from '../auth/SessionActions';
import { CounterPanel } from '../queue/CounterPanel';
import { dialogOpened } from '../queue/queueSlice';
import { FailedMutationsPanel } from '../sync/FailedMutationsPanel';

/** Ctrl+Shift+K opens the supervisor window (K: kierownik), without the mouse. */
const OPEN_SUPERVISOR_KEY = 'K';

export function CounterWindow() {
  const { t } = useTranslation();
  const { data } = useAppInfoQuery();
  const { data: auth, error: authError } = useSessionQuery();
  const session = auth?.session ?? null;
  const openSupervisor = useOpenSupervisor();
  const dispatch = useAppDispatch();
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
      title={data ? t('counter.title', { number: data.config.counter.number }) : t('app.name')}
      windowTitle={session ? t('counter.windowTitle') : t('auth.windowTitle')}
      actions={
        session ? (
          <>
            <button
              type="button"
              onClick={() => dispatch(dialogOpened('info'))}
              aria-keyshortcuts="F12"
              data-testid="open-info"
            >
              {t('queue.commands.info')} <kbd>F12</kbd>
            </button>
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
      ) : (
        <>
          {/* The clerk's screen; this PC's details are one key away (F12, in a dialog). */}
          <CounterPanel login={session.user.login} />
          <FailedMutationsPanel />
        </>
      )}
    </WindowFrame>
  );
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
