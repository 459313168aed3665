import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { bannerView } from './updateBanner';
import { useInstallUpdateNowMutation, useUpdateStateQuery } from './updatesApi';
import './updates.css';

/**
 * A new version of the app, on the counter's screen: downloading, ready (installed after
 * opening hours, or now if the clerk presses the button, which waits while a visit or a
 * payment runs), or being installed. Announced politely; it never takes the focus.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const { data } = useUpdateStateQuery();
  const [installNow, { isLoading, error }] = useInstallUpdateNowMutation();
  const hintId = useId();
  const view = bannerView(data);
  if (view.kind === 'hidden' || !data) return null;
  const blocked =
    view.installButton === 'payment-in-progress' || view.installButton === 'visit-in-progress'
      ? view.installButton
      : null;
  const message =
    view.kind === 'not-supported'
      ? t('updates.notSupported', { version: view.version, current: data.current })
      : t(`updates.${view.kind}`, { version: view.version });
  return (
    <section
      className="update-banner"
      role="status"
      aria-live="polite"
      aria-label={t('updates.label')}
      data-testid="update-banner"
    >
      <p className="update-banner-text">{message}</p>
      {view.installButton === 'none' ? null : (
        <div className="update-banner-action">
          <button
            type="button"
            className="action"
            disabled={blocked !== null || isLoading}
            aria-describedby={hintId}
            onClick={() => void installNow()}
          >
            {t('updates.installNow')}
          </button>
          <p id={hintId} className="muted small">
            {blocked ? t(`updates.blocked.${blocked}`) : t('updates.installNowHint')}
          </p>
        </div>
      )}
      {error && 'message' in error ? (
        <p role="alert" className="error">
          {t('updates.failed', { message: String(error.message) })}
        </p>
      ) : null}
    </section>
  );
}
