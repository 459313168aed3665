import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClerkSession } from '../../../common/contract';

/**
 * Shown to anyone but a shift supervisor who reaches this window (main refuses its channels
 * too): what is wrong, who is logged in, and the way back to the counter window.
 */
export function SupervisorRefusal({ session }: { session: ClerkSession }) {
  const { t } = useTranslation();
  const back = useRef<HTMLAnchorElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <section
      className="panel sv-refusal"
      aria-labelledby="sv-refusal-heading"
      data-testid="sv-refusal"
    >
      <h2 id="sv-refusal-heading">{t('supervisor.refusal.heading')}</h2>
      <p role="alert" className="sv-refusal-text">
        {t('supervisor.refusal.text')}
      </p>
      <p>{t('supervisor.refusal.loggedInAs', { name: session.user.displayName })}</p>
      <a ref={back} className="sv-back-link" href="#/counter">
        {t('supervisor.refusal.back')}
      </a>
    </section>
  );
}
