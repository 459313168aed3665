import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBar } from '../features/status/StatusBar';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The frame every window shares: a header, the content, and the status bar at the foot. */
export function WindowFrame(props: {
  title: string;
  windowTitle: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${props.windowTitle} · ${t('app.name')}`;
  }, [props.windowTitle, t]);
  return (
    <div className="window">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="window-header">
        <h1>{props.title}</h1>
        <div className="window-header-actions">
          {props.actions}
          <LanguageSwitcher />
        </div>
      </header>
      <main id="content" className="window-content" tabIndex={-1}>
        {props.children}
      </main>
      <StatusBar />
    </div>
  );
}
