import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { IpcError } from '../../../common/contract';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { useEnrolMutation } from './enrolmentApi';

/**
 * The first-start screen: the central server's address (filled in from the config) and the
 * one-time code. Keyboard first: the code has the focus when the address is known, Enter
 * submits, a refusal is announced (role=alert) and the code is selected for retyping.
 */
export function EnrolmentScreen({ suggestedUrl }: { suggestedUrl: string }) {
  const { t } = useTranslation();
  const [enrol, { isLoading, error }] = useEnrolMutation();
  const [centralUrl, setCentralUrl] = useState(suggestedUrl);
  const [code, setCode] = useState('');
  const urlField = useRef<HTMLInputElement>(null);
  const codeField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('enrolment.windowTitle')} · ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    (suggestedUrl ? codeField : urlField).current?.focus();
  }, [suggestedUrl]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isLoading) return;
    const result = await enrol({ centralUrl: centralUrl.trim(), code: code.trim() });
    if ('error' in result) codeField.current?.select();
  }

  const message = error ? describeEnrolmentError(error as IpcError, t) : null;
  return (
    <div className="window">
      <header className="window-header">
        <h1>{t('app.name')}</h1>
        <div className="window-header-actions">
          <LanguageSwitcher />
        </div>
      </header>
      <main id="content" className="window-content">
        <section className="panel login-panel" aria-labelledby="enrolment-heading">
          <h2 id="enrolment-heading">{t('enrolment.heading')}</h2>
          <p>{t('enrolment.intro')}</p>
          <form
            className="login-form"
            onSubmit={(event) => void submit(event)}
            noValidate
            data-testid="enrolment-form"
          >
            <label htmlFor="enrolment-url">{t('enrolment.centralUrl')}</label>
            <input
              id="enrolment-url"
              ref={urlField}
              type="url"
              inputMode="url"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={centralUrl}
              onChange={(event) => setCentralUrl(event.target.value)}
            />
            <label htmlFor="enrolment-code">{t('enrolment.code')}</label>
            <input
              id="enrolment-code"
              ref={codeField}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              maxLength={40}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-invalid={message ? true : undefined}
              aria-describedby={
                message ? 'enrolment-code-hint enrolment-error' : 'enrolment-code-hint'
              }
            />
            <p id="enrolment-code-hint" className="hint">
              {t('enrolment.codeHint')}
            </p>
            {message ? (
              <p id="enrolment-error" role="alert" className="error">
                {message}
              </p>
            ) : null}
            <button type="submit" className="primary" disabled={isLoading} aria-busy={isLoading}>
              {isLoading ? t('enrolment.submitting') : t('enrolment.submit')}
            </button>
          </form>
        </section>
      </main>
    </div>
  );
}

function describeEnrolmentError(error: IpcError, t: TFunction): string {
  switch (error.code) {
    case 'enrolment-code-unknown':
    case 'enrolment-code-used':
    case 'enrolment-code-expired':
    case 'too-many-attempts':
    case 'central-unreachable':
    case 'identity-not-stored':
    case 'invalid-payload':
      return t(`enrolment.errors.${error.code}`);
    case 'central-refused':
      return t('enrolment.errors.central-refused', { message: error.message });
    default:
      return t('enrolment.errors.other', { message: error.message });
  }
}
