import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../common/contract';
import type { CaseType } from '../../../common/contract/central/reference';
import { formatMoney } from '../../../common/domain/money';
import { maskPesel } from '../../../common/domain/pesel';
import { PaymentPanel } from '../payments/PaymentPanel';
import { MarkReadyButton } from '../lockers/MarkReadyButton';
import { formatDateTime, moneyLocale } from './caseFormat';
import { casesErrorText } from './caseMessages';
import { useGetCaseQuery } from './casesApi';

/**
 * A submitted case: its number once the central server has given it ("waiting for
 * synchronisation" until `cases:changed` brings it), or the server's reason if it refused.
 * The heading takes the focus, so the keyboard goes on from here after a submit.
 */
export function CaseView({
  caseId,
  caseTypes,
}: {
  caseId: string;
  caseTypes: readonly CaseType[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { data: record, error } = useGetCaseQuery(caseId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [caseId]);

  const applicant = record?.registration?.applicant ?? null;
  const identity = applicant?.identity ?? null;
  const caseType = caseTypes?.find((candidate) => candidate.id === record?.caseTypeId);
  const caseTypeName = caseType?.name ?? record?.caseTypeId;

  return (
    <section className="case-view" aria-labelledby="case-view-heading" data-testid="case-view">
      <h3 id="case-view-heading" ref={heading} tabIndex={-1}>
        {t('cases.view.heading')}
      </h3>
      {error ? (
        <p role="alert" className="error">
          {casesErrorText(t, error as IpcError)}
        </p>
      ) : !record ? (
        <p aria-busy="true">{t('cases.view.loading')}</p>
      ) : (
        <>
          <p className="case-number-line" aria-live="polite" aria-atomic="true">
            {t('cases.view.number')}:{' '}
            <strong data-testid="case-number" data-status={record.status}>
              {record.caseNumber ?? t('cases.view.pending')}
            </strong>
          </p>
          {record.status === 'rejected' ? (
            <p role="alert" className="error" data-testid="case-rejected">
              {t('cases.view.rejected', { reason: record.rejectedReason ?? '' })}
            </p>
          ) : null}
          <dl className="case-view-details">
            <div>
              <dt>{t('cases.view.caseType')}</dt>
              <dd>{caseTypeName}</dd>
            </div>
            {applicant ? (
              <div>
                <dt>{t('cases.view.applicant')}</dt>
                <dd data-testid="case-view-applicant">
                  {applicant.firstName} {applicant.lastName}
                  {identity?.kind === 'pesel'
                    ? ` · ${t('cases.view.pesel')} ${maskPesel(identity.pesel)}`
                    : ''}
                </dd>
              </div>
            ) : null}
            {record.ticketNumber ? (
              <div>
                <dt>{t('cases.view.ticket')}</dt>
                <dd>{record.ticketNumber}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('cases.view.fee')}</dt>
              <dd data-testid="case-view-fee">
                {formatMoney(record.feeGrosze, moneyLocale(i18n.language))}
              </dd>
            </div>
            <div>
              <dt>{t('cases.view.submittedAt')}</dt>
              <dd>{formatDateTime(record.submittedAt, i18n.language)}</dd>
            </div>
          </dl>
          {record.registration ? null : (
            <p className="case-hint">{t('cases.view.personalDataRemoved')}</p>
          )}
          {/* Taking the fee on the terminal (renderer/features/payments). */}
          {record.status === 'rejected' ? null : (
            <PaymentPanel caseId={record.caseId} caseNumber={record.caseNumber} />
          )}
          {/* Issue 9: a result for the urzędomat goes to the locker desk's list. */}
          {record.status === 'registered' && caseType?.lockerPickup ? (
            <MarkReadyButton caseId={record.caseId} />
          ) : null}
        </>
      )}
    </section>
  );
}
