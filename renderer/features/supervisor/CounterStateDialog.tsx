import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorCounter } from '../../../common/contract/central/supervisor';
import { Dialog } from '../../components/Dialog';
import { DialogFooter } from './DialogFooter';

/**
 * The confirmation before closing a counter or ending its pause. A counter with a ticket at it
 * cannot be closed (the server refuses too): the dialog says so instead of offering it.
 */
export function CounterStateDialog(props: {
  counter: SupervisorCounter;
  state: 'open' | 'closed';
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closing = props.state === 'closed';
  const blocked = closing && props.counter.ticket !== null;
  const counter = props.counter.number;

  async function confirm() {
    if (busy || blocked) return;
    setBusy(true);
    setError(await props.onConfirm());
    setBusy(false);
  }

  return (
    <Dialog
      title={
        closing
          ? t('supervisor.actions.closeHeading', { counter })
          : t('supervisor.actions.endPauseHeading', { counter })
      }
      onClose={props.onClose}
      testId="sv-state-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <p>{closing ? t('supervisor.actions.closeText') : t('supervisor.actions.endPauseText')}</p>
        {blocked ? (
          <p role="alert" className="error">
            {t('supervisor.actions.closeBlocked', { ticket: props.counter.ticket?.number ?? '' })}
          </p>
        ) : null}
        <DialogFooter
          error={error}
          busy={busy}
          confirm={
            blocked
              ? null
              : closing
                ? t('supervisor.actions.closeConfirm')
                : t('supervisor.actions.endPauseConfirm')
          }
          enterKey
          autoFocus
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
