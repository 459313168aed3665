import { useTranslation } from 'react-i18next';
import type { LockerDeposit } from '../../../common/contract';
import { formatCivilDateLong } from '../cases/caseFormat';
import { asIpcError, lockersErrorText } from './lockerMessages';
import { useLabelPreviewQuery } from './labelsApi';

/**
 * What will print: the PNG main draws from the very ZPL the printer gets, one pixel per printer
 * dot, shown scaled down. Its text alternative names what the label says (never the pickup
 * code: the label has none). `reprint` previews the DUPLIKAT label.
 */
export function LabelPreviewImage(props: { deposit: LockerDeposit; reprint: boolean }) {
  const { t, i18n } = useTranslation();
  const { deposit } = props;
  // currentData: while the DUPLIKAT preview loads, not the original's image under its name.
  const {
    currentData: data,
    error,
    isFetching,
  } = useLabelPreviewQuery({
    depositId: deposit.depositId,
    reprint: props.reprint,
  });
  const size = t(`lockers.prepare.sizes.${deposit.compartmentSize}`);

  return (
    <figure className="locker-preview" aria-busy={isFetching} data-testid="locker-preview">
      {error ? (
        <p role="alert" className="error" data-testid="locker-preview-error">
          {t('lockers.preview.failed', { message: lockersErrorText(t, asIpcError(error)) })}
        </p>
      ) : !data ? (
        <p aria-busy="true">{t('lockers.preview.loading')}</p>
      ) : (
        <img
          src={data.pngDataUrl}
          alt={t(data.duplicate ? 'lockers.preview.altDuplicate' : 'lockers.preview.alt', {
            depositId: deposit.depositId,
            caseNumber: deposit.caseNumber,
            size,
            initials: deposit.applicantInitials,
            lastPickupDay: formatCivilDateLong(deposit.lastPickupDay, i18n.language),
          })}
          className="locker-preview-image"
          data-testid="locker-label-preview"
          data-deposit-id={data.depositId}
          data-duplicate={data.duplicate}
        />
      )}
      <figcaption className="muted small">
        {data
          ? t('lockers.preview.caption', {
              width: Math.round(data.geometry.widthMm),
              height: Math.round(data.geometry.heightMm),
              printed: data.printedCount,
            })
          : t('lockers.preview.heading')}
      </figcaption>
    </figure>
  );
}
