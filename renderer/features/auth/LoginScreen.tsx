import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { IpcError } from '../../../common/contract';
import { useLoginMutation } from './authApi';

/** The demo server's logins (server/seed/demoUsers.ts); all have the password `demo`. */
const DEMO_LOGINS = ['urzednik1', 'urzednik2', 'asystent', 'depozyty', 'kierownik', 'admin'];
const DEMO_PASSWORD = 'demo';

/**
 * Shown before the counter window's content while nobody is logged in. Keyboard first: the
 * login field has the focus, Enter submits, an error is announced (role=alert) and the focus
 * goes to the password, with the typed login kept.
 */
export function LoginScreen({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const [login, { isLoading, error }] = useLoginMutation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const loginField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    loginField.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isLoading) return;
    const result = await login({ login: name, password });
    if ('error' in result) {
      setPassword('');
      (name.trim() === '' ? loginField : passwordField).current?.focus();
    }
  }

  const message = error ? describeLoginError(error as IpcError, t) : null;
  return (
    <section className="panel login-panel" aria-labelledby="login-heading">
      <h2 id="login-heading">{t('auth.heading')}</h2>
      <p>{t('auth.intro')}</p>
      <form className="login-form" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="login-name">{t('auth.login')}</label>
        <input
          id="login-name"
          ref={loginField}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'login-error' : undefined}
        />
        <label htmlFor="login-password">{t('auth.password')}</label>
        <input
          id="login-password"
          ref={passwordField}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'login-error' : undefined}
        />
        {message ? (
          <p id="login-error" role="alert" className="error">
            {message}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={isLoading} aria-busy={isLoading}>
          {isLoading ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
      {demo ? (
        <aside className="demo-hint" aria-labelledby="demo-hint-heading" data-testid="demo-hint">
          <h3 id="demo-hint-heading">
            <span className="demo-badge">{t('auth.demoBadge')}</span> {t('auth.demoHeading')}
          </h3>
          <p>{t('auth.demoText', { logins: DEMO_LOGINS.join(', '), password: DEMO_PASSWORD })}</p>
        </aside>
      ) : null}
    </section>
  );
}

function describeLoginError(error: IpcError, t: TFunction): string {
  switch (error.code) {
    case 'wrong-credentials':
    case 'invalid-payload':
      return t('auth.errors.wrongCredentials');
    case 'rate-limited':
      return t('auth.errors.rateLimited');
    case 'offline-unknown-user':
      return t('auth.errors.offlineUnknownUser');
    default:
      return t('auth.errors.other', { message: error.message });
  }
}
