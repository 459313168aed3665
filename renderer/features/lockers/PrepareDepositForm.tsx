import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerDeposit, LockerReadyCase } from '../../../common/contract';
import type { CompartmentSize } from '../../../common/contract/lockerLabel';
import { CompartmentSizePicker } from './CompartmentSizePicker';
import { asIpcError, lockersErrorText } from './lockerMessages';
import { usePrepareDepositMutation } from './lockersApi';

/**
 * The case the clerk chose, and the compartment its envelope needs: Enter (or the button)
 * prepares the deposit, which gives it its deposit id, the value of the label's barcodes. The
 * focus lands on the size when a case is chosen, so 1/2/3 and Enter are all it takes.
 */
export function PrepareDepositForm(props: {
  readyCase: LockerReadyCase;
  onPrepared: (deposit: LockerDeposit) => void;
}) {
  const { t } = useTranslation();
  const [size, setSize] = useState<CompartmentSize>('medium');
  const [failure, setFailure] = useState<string | null>(null);
  const [prepare, { isLoading }] = usePrepareDepositMutation();
  const form = useRef<HTMLFormElement>(null);
  const { caseId } = props.readyCase;

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, [caseId]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (isLoading) return;
    setFailure(null);
    try {
      props.onPrepared(await prepare({ caseId, compartmentSize: size }).unwrap());
    } catch (error) {
      setFailure(lockersErrorText(t, asIpcError(error)));
    }
  }

  return (
    <form
      ref={form}
      className="locker-prepare"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        // Enter confirms from the size too (a radio does not submit a form by itself).
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
      data-testid="locker-prepare-form"
    >
      <p className="locker-case-line" data-testid="locker-chosen-case">
        {t('lockers.prepare.caseLine', {
          caseNumber: props.readyCase.caseNumber,
          caseType: props.readyCase.caseTypeName,
          initials: props.readyCase.applicantInitials,
        })}
      </p>
      <CompartmentSizePicker value={size} onChange={setSize} />
      {failure ? (
        <p role="alert" className="error" data-testid="locker-prepare-error">
          {failure}
        </p>
      ) : null}
      <button
        type="submit"
        className="action action-primary action-large"
        aria-disabled={isLoading}
        data-testid="locker-prepare"
      >
        {t('lockers.prepare.button')} <kbd>Enter</kbd>
      </button>
    </form>
  );
}
