import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnrolmentStateQuery } from './enrolmentApi';
import { EnrolmentScreen } from './EnrolmentScreen';

/**
 * The first start of a PC with a remote central server and no identity: the enrolment screen
 * instead of the window, until main has enrolled the PC and started its services.
 */
export function EnrolmentGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data, isLoading } = useEnrolmentStateQuery();
  if (isLoading) return <p aria-busy="true">{t('enrolment.checking')}</p>;
  // An answer that is not "needs enrolment" (or none at all) lets the window decide.
  if (data?.phase !== 'needs-enrolment') return <>{children}</>;
  return <EnrolmentScreen suggestedUrl={data.centralUrl ?? ''} />;
}
