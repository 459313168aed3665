import { useEffect, useRef } from 'react';
import type { CheckInRefusal } from '../../common/contract/central/queue';
import { moveFocusWithArrows } from '../shared/arrowFocus';
import {
  BOOKING_CODE_MAX_LENGTH,
  DIGIT_KEYS,
  LETTER_KEYS,
  isCompleteBookingCode,
  typeIntoBookingCode,
} from './bookingCode';
import type { KioskStrings } from './kioskStrings';

/**
 * "Mam rezerwację": the booking code typed on an on-screen keypad (digits and letters), or on a
 * hardware keyboard into the field, which takes the focus and never opens the system's own
 * on-screen keyboard (`inputMode="none"`). Enter or "Zatwierdź" checks the code in.
 */
export function BookingScreen({
  t,
  code,
  problem,
  onCodeChange,
  onSubmit,
  onBack,
}: {
  t: KioskStrings;
  code: string;
  problem: CheckInRefusal | null;
  onCodeChange: (code: string) => void;
  onSubmit: (code: string) => void;
  onBack: () => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const complete = isCompleteBookingCode(code);
  const problemText = problem ? t.refusal(problem) : null;
  const press = (key: string) => onCodeChange(typeIntoBookingCode(code, key));

  return (
    <section className="kiosk-screen kiosk-booking-screen" aria-labelledby="kiosk-booking-heading">
      <h2 id="kiosk-booking-heading" className="kiosk-heading">
        {t.bookingHeading}
      </h2>
      <form
        className="kiosk-code-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (complete) onSubmit(code);
        }}
      >
        <label className="kiosk-code-label" htmlFor="kiosk-code">
          {t.bookingCodeLabel}
        </label>
        <input
          id="kiosk-code"
          ref={field}
          className="kiosk-code"
          value={code}
          inputMode="none"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={BOOKING_CODE_MAX_LENGTH}
          aria-describedby={problemText ? 'kiosk-code-problem' : 'kiosk-code-hint'}
          aria-invalid={problemText ? true : undefined}
          onChange={(event) => onCodeChange(typeIntoBookingCode('', event.target.value))}
        />
        {problemText ? (
          <p id="kiosk-code-problem" className="kiosk-code-problem" role="alert">
            <strong>{problemText.title}.</strong> {problemText.detail}
          </p>
        ) : (
          <p id="kiosk-code-hint" className="kiosk-code-hint">
            {t.bookingHint}
          </p>
        )}
      </form>
      <div className="kiosk-keypad" role="group" aria-label={t.keypadLabel}>
        <div className="kiosk-keys kiosk-keys-letters" onKeyDown={moveFocusWithArrows}>
          {LETTER_KEYS.map((key) => (
            <button key={key} type="button" className="kiosk-key" onClick={() => press(key)}>
              {key}
            </button>
          ))}
        </div>
        <div className="kiosk-keys kiosk-keys-digits" onKeyDown={moveFocusWithArrows}>
          {DIGIT_KEYS.map((key) => (
            <button key={key} type="button" className="kiosk-key" onClick={() => press(key)}>
              {key}
            </button>
          ))}
          <button
            type="button"
            className="kiosk-key kiosk-key-wide"
            aria-label={t.keyDelete}
            onClick={() => onCodeChange(code.slice(0, -1))}
          >
            ⌫
          </button>
        </div>
      </div>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-button kiosk-secondary" onClick={onBack}>
          <span className="kiosk-button-title">{t.back}</span>
        </button>
        <button
          type="button"
          className="kiosk-button kiosk-secondary"
          onClick={() => {
            onCodeChange('');
            field.current?.focus();
          }}
        >
          <span className="kiosk-button-title">{t.keyClear}</span>
        </button>
        <button
          type="button"
          className="kiosk-button kiosk-primary"
          disabled={!complete}
          onClick={() => onSubmit(code)}
        >
          <span className="kiosk-button-title">{t.confirm}</span>
        </button>
      </div>
    </section>
  );
}
