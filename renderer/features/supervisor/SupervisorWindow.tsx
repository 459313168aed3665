import { useTranslation } from 'react-i18next';
import { WindowFrame } from '../../components/WindowFrame';

/** The shift lead's window; its panels arrive with the queue, payment and locker features. */
export function SupervisorWindow() {
  const { t } = useTranslation();
  return (
    <WindowFrame title={t('supervisor.title')} windowTitle={t('supervisor.windowTitle')}>
      <section className="panel">
        <p>{t('supervisor.intro')}</p>
      </section>
    </WindowFrame>
  );
}
