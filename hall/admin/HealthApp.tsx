import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { WorkstationsHealth } from '../../common/contract/central/workstationStatus';
import { logIn, logOut, readHealth } from './healthApi';
import type { HealthLanguage } from './healthFormat';
import { formatClock } from '../shared/hallTime';
import { healthStrings } from './healthStrings';
import { HealthTable } from './HealthTable';

/** The page asks again this often while open. */
export const HEALTH_REFRESH_MS = 10_000;

type Session = { token: string; login: string };
/** Why the login form is shown again, worded in the language of the moment. */
type Notice = 'sessionEnded' | 'noAccess';

/**
 * The IT team's health page (docs/health.md): log in as an admin (or a supervisor, who sees
 * their own site), then every workstation in a table refreshed every 10 s. The session's token
 * stays in this page's memory only: a reload asks to log in again.
 */
export function HealthApp() {
  const [language, setLanguage] = useState<HealthLanguage>('pl');
  const t = healthStrings[language];
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [health, setHealth] = useState<WorkstationsHealth | null>(null);
  const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t.title;
  }, [language, t.title]);

  const endSession = useCallback((why: Notice | null) => {
    setSession(null);
    setHealth(null);
    setNotice(why);
  }, []);

  useEffect(() => {
    if (!session) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = async () => {
      const answer = await readHealth(session.token);
      if (cancelled) return;
      if (answer.ok) {
        setHealth(answer.value);
        setRefreshedAt(new Date(answer.value.now));
        setStale(false);
      } else if (answer.problem === 'unauthenticated') {
        endSession('sessionEnded');
        return;
      } else if (answer.problem === 'forbidden') {
        void logOut(session.token);
        endSession('noAccess');
        return;
      } else setStale(true);
      timer = setTimeout(() => void refresh(), HEALTH_REFRESH_MS);
    };
    void refresh();
    return () => {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
    };
  }, [session, endSession]);

  const withProblems = health?.workstations.filter((row) => row.problems.length > 0).length ?? 0;

  return (
    <div className="health">
      <header className="health-header">
        <h1>{t.title}</h1>
        <div className="health-header-tools">
          {session ? <span>{t.loggedInAs(session.login)}</span> : null}
          <button
            type="button"
            lang={t.otherLanguage.lang}
            onClick={() => setLanguage(t.otherLanguage.lang)}
          >
            {t.otherLanguage.label}
          </button>
          {session ? (
            <button
              type="button"
              onClick={() => {
                void logOut(session.token);
                endSession(null);
              }}
            >
              {t.logOut}
            </button>
          ) : null}
        </div>
      </header>
      <main>
        {session ? (
          <>
            <p className="health-meta" aria-live="polite">
              {health ? `${t.serverVersion(health.serverVersion)} · ` : ''}
              {health ? `${t.summary(health.workstations.length, withProblems)} · ` : ''}
              {refreshedAt ? t.refreshedAt(formatClock(refreshedAt), HEALTH_REFRESH_MS / 1000) : ''}
            </p>
            {stale ? (
              <p className="health-stale" role="status">
                {t.unreachable}
              </p>
            ) : null}
            {health ? <HealthTable health={health} t={t} /> : null}
          </>
        ) : (
          <LoginForm
            language={language}
            notice={notice}
            onLoggedIn={(next) => {
              setNotice(null);
              setSession(next);
            }}
          />
        )}
      </main>
    </div>
  );
}

function LoginForm({
  language,
  notice,
  onLoggedIn,
}: {
  language: HealthLanguage;
  notice: Notice | null;
  onLoggedIn: (session: Session) => void;
}) {
  const t = healthStrings[language];
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const answer = await logIn(login.trim(), password);
    setBusy(false);
    if (answer.ok) {
      const { token, user } = answer.value;
      if (!user.roles.includes('admin') && !user.roles.includes('supervisor')) {
        void logOut(token);
        setProblem(t.noAccess);
        return;
      }
      setPassword('');
      onLoggedIn({ token, login: user.login });
      return;
    }
    setProblem(
      answer.problem === 'unauthenticated'
        ? t.wrongPassword
        : answer.problem === 'too-many-requests'
          ? t.tooManyAttempts
          : answer.problem === 'forbidden'
            ? t.noAccess
            : t.unreachable,
    );
  }

  const shown = problem ?? (notice ? t[notice] : null);
  return (
    <form className="health-login" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t.loginHeading}</h2>
      <p>{t.loginHint}</p>
      <label>
        {t.login}
        <input
          name="login"
          autoComplete="username"
          value={login}
          onChange={(event) => setLogin(event.target.value)}
          required
          autoFocus
        />
      </label>
      <label>
        {t.password}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
      </label>
      {shown ? (
        <p className="health-problem" role="alert">
          {shown}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? t.loggingIn : t.logIn}
      </button>
    </form>
  );
}
