import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pauseReasonSchema, type PauseReason } from '../../../common/contract/central/queue';
import { Dialog } from '../../components/Dialog';

/** Pause the counter with a reason from the list; the supervisor sees it. Enter confirms. */
export function PauseDialog(props: {
  onPause: (reason: PauseReason) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<PauseReason>('break');
  return (
    <Dialog title={t('queue.dialogs.pauseHeading')} onClose={props.onClose} testId="pause-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onPause(reason);
        }}
      >
        <p className="muted">{t('queue.dialogs.pauseIntro')}</p>
        <fieldset className="choice-list">
          <legend>{t('queue.counter.pauseReason')}</legend>
          {pauseReasonSchema.options.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="pause-reason"
                checked={reason === option}
                onChange={() => setReason(option)}
              />
              {t(`queue.pauseReasons.${option}`)}
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="action" onClick={props.onClose}>
            {t('queue.dialogs.cancel')}
          </button>
          <button type="submit" className="action action-primary">
            {t('queue.dialogs.pauseConfirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
