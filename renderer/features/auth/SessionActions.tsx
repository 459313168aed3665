import { useTranslation } from 'react-i18next';
import type { ClerkSession } from '../../../common/contract';
import { useLogoutMutation } from './authApi';

/** The header's part of the session: who is logged in, whether offline, and the logout. */
export function SessionActions({ session }: { session: ClerkSession }) {
  const { t } = useTranslation();
  const [logout, { isLoading }] = useLogoutMutation();
  return (
    <div className="session-actions">
      <span data-testid="session-user">
        {t('auth.loggedInAs', { name: session.user.displayName })}
      </span>
      {session.offline ? (
        <span className="offline-badge" data-testid="session-offline" title={t('auth.offlineHint')}>
          {t('auth.offline')}
        </span>
      ) : null}
      <button type="button" onClick={() => void logout()} disabled={isLoading}>
        {t('auth.logout')}
      </button>
    </div>
  );
}
