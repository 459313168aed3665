import { useTranslation } from 'react-i18next';
import { TextField } from './TextField';

/** The applicant's address (for the decision's delivery) and, optionally, how to reach them. */
export function AddressFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        path="applicant.street"
        label={t('cases.address.street')}
        maxLength={120}
        autoComplete="off"
      />
      <div className="case-row">
        <TextField
          path="applicant.postalCode"
          label={t('cases.address.postalCode')}
          hint={t('cases.address.postalCodeHint')}
          inputMode="numeric"
          maxLength={6}
          autoComplete="off"
          className="case-input-postal"
        />
        <TextField
          path="applicant.city"
          label={t('cases.address.city')}
          maxLength={100}
          autoComplete="off"
        />
      </div>
      <div className="case-row">
        <TextField
          path="applicant.phone"
          label={t('cases.address.phone')}
          type="tel"
          optional
          maxLength={30}
          autoComplete="off"
        />
        <TextField
          path="applicant.email"
          label={t('cases.address.email')}
          type="email"
          optional
          maxLength={120}
          autoComplete="off"
        />
      </div>
    </>
  );
}
