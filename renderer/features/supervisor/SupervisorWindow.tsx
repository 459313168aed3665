import { useTranslation } from 'react-i18next';
import { WindowFrame } from '../../components/WindowFrame';
import { useSessionQuery } from '../auth/authApi';
import { LoginScreen } from '../auth/LoginScreen';
import { SessionActions } from '../auth/SessionActions';
import { ShiftOverview } from './ShiftOverview';
import { canOpenSupervisorWindow } from './supervisorAccess';
import { SupervisorRefusal } from './SupervisorRefusal';
import './supervisor.css';

/**
 * The shift lead's window: counters, queues, today's figures and charts, the forecast, alerts,
 * payments and the locker, live. It shares the PC's session: nobody logged in sees the login
 * screen, anyone but a supervisor (or an admin) a refusal with the way back.
 */
export function SupervisorWindow() {
  const { t } = useTranslation();
  const { data: auth, error } = useSessionQuery();
  const session = auth?.session ?? null;
  return (
    <WindowFrame
      title={t('supervisor.title')}
      windowTitle={session ? t('supervisor.windowTitle') : t('auth.windowTitle')}
      actions={session ? <SessionActions session={session} /> : null}
    >
      {error ? (
        <p role="alert" className="error">
          {t('app.loadFailed', { message: 'message' in error ? String(error.message) : '' })}
        </p>
      ) : !auth ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : !session ? (
        <LoginScreen demo={auth.demo} />
      ) : canOpenSupervisorWindow(session) ? (
        <ShiftOverview key={session.user.login} />
      ) : (
        <SupervisorRefusal session={session} />
      )}
    </WindowFrame>
  );
}
