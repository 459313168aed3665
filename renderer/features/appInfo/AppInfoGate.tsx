import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../common/contract';
import { useAppInfoQuery } from '../../app/clerkApi';

/** Renders its children once this workstation's info has arrived; says clearly when it cannot. */
export function AppInfoGate({ children }: { children: (info: AppInfo) => ReactNode }) {
  const { t } = useTranslation();
  const { data, error } = useAppInfoQuery();
  if (error) {
    const message = 'message' in error ? String(error.message) : String(error);
    return (
      <p role="alert" className="error">
        {t('app.loadFailed', { message })}
      </p>
    );
  }
  if (!data) return <p aria-busy="true">{t('app.loading')}</p>;
  return <>{children(data)}</>;
}
