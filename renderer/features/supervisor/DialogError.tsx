/** Why a dialog's action did not happen, announced, inside the dialog the supervisor is in. */
export function DialogError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="error" data-testid="sv-dialog-error">
      {message}
    </p>
  ) : null;
}
