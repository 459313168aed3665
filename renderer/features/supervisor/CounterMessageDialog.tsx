import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COUNTER_MESSAGE_MAX,
  type SupervisorCounter,
} from '../../../common/contract/central/supervisor';
import { Dialog } from '../../components/Dialog';
import { DialogFooter } from './DialogFooter';

/** A short message to a counter's screen: one line, Enter sends. */
export function CounterMessageDialog(props: {
  counter: SupervisorCounter;
  onSend: (text: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (text.trim() === '') {
      setError(t('supervisor.actions.messageEmpty'));
      return;
    }
    setBusy(true);
    const failure = await props.onSend(text.trim());
    setBusy(false);
    setError(failure);
  }

  return (
    <Dialog
      title={t('supervisor.actions.messageHeading', { counter: props.counter.number })}
      onClose={props.onClose}
      testId="sv-message-dialog"
    >
      <form className="sv-dialog-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="sv-message-text">
          {t('supervisor.actions.messageLabel', { max: COUNTER_MESSAGE_MAX })}
        </label>
        <input
          id="sv-message-text"
          type="text"
          value={text}
          maxLength={COUNTER_MESSAGE_MAX}
          aria-describedby="sv-message-left"
          aria-invalid={error !== null}
          onChange={(event) => setText(event.target.value)}
        />
        <p id="sv-message-left" className="muted small">
          {t('supervisor.actions.messageLeft', { count: COUNTER_MESSAGE_MAX - text.length })}
        </p>
        <DialogFooter
          error={error}
          busy={busy}
          confirm={t('supervisor.actions.messageConfirm')}
          enterKey
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
