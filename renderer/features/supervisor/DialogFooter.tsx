import { useTranslation } from 'react-i18next';
import { DialogError } from './DialogError';

/**
 * The end of a supervisor's dialog form: why the last try failed, then Cancel and the action
 * (a submit button, so Enter does it; left out when the action cannot be done).
 */
export function DialogFooter(props: {
  error: string | null;
  busy: boolean;
  /** The action's label, or null when there is no action to offer. */
  confirm: string | null;
  /** Shows the Enter key on the action. */
  enterKey?: boolean;
  /** The action takes the focus when the dialog opens. */
  autoFocus?: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DialogError message={props.error} />
      <div className="dialog-actions">
        <button type="button" className="action" onClick={props.onCancel}>
          {t('supervisor.actions.cancel')}
        </button>
        {props.confirm === null ? null : (
          <button
            type="submit"
            className="action action-primary"
            disabled={props.busy}
            data-autofocus={props.autoFocus ? true : undefined}
          >
            {props.confirm}
            {props.enterKey ? (
              <>
                {' '}
                <kbd>Enter</kbd>
              </>
            ) : null}
          </button>
        )}
      </div>
    </>
  );
}
