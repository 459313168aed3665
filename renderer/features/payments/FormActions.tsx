/**
 * The end of a payment form: going back without doing anything, and the action (a submit
 * button, marked aria-disabled while it runs, its label then saying it is under way).
 */
export function FormActions(props: {
  back: string;
  onBack: () => void;
  submit: string;
  busy: boolean;
  busyLabel: string;
  submitTestId: string;
}) {
  return (
    <div className="dialog-actions">
      <button type="button" className="action" onClick={props.onBack}>
        {props.back}
      </button>
      <button
        type="submit"
        className="action action-primary"
        aria-disabled={props.busy}
        data-testid={props.submitTestId}
      >
        {props.busy ? props.busyLabel : props.submit}
      </button>
    </div>
  );
}
