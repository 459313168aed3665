import { useId } from 'react';

/** The shortest explanation main accepts for a payment settled or reversed by hand. */
const REASON_MIN_LENGTH = 3;
const REASON_MAX_LENGTH = 500;

/** Whether a written reason is too short to send (main refuses it; the form says so first). */
export function isReasonTooShort(text: string): boolean {
  return text.trim().length < REASON_MIN_LENGTH;
}

/**
 * The clerk's written reason for doing something to a payment by hand (a note of what was
 * checked, why a payment is reversed), and why the last try failed, announced below it.
 */
export function WrittenReasonField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  failure: string | null;
  autoFocus?: boolean;
  testId: string;
  errorTestId: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        value={props.value}
        required
        minLength={REASON_MIN_LENGTH}
        maxLength={REASON_MAX_LENGTH}
        autoFocus={props.autoFocus}
        aria-invalid={props.failure !== null && isReasonTooShort(props.value)}
        onChange={(event) => props.onChange(event.target.value)}
        data-testid={props.testId}
      />
      {props.failure ? (
        <p role="alert" className="error" data-testid={props.errorTestId}>
          {props.failure}
        </p>
      ) : null}
    </>
  );
}
