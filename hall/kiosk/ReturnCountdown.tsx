import { useEffect, useRef, useState } from 'react';

/**
 * Returns the kiosk to its start screen after `seconds` without a touch or a key, so no
 * screen is left for the next resident (a ticket, a refusal, a half-typed code). Any touch or
 * key starts the count again. The count is shown from `showFrom` seconds left.
 */
export function ReturnCountdown({
  seconds,
  showFrom,
  onTimeout,
  label,
}: {
  seconds: number;
  showFrom: number;
  onTimeout: () => void;
  label: (secondsLeft: number) => string;
}) {
  const [secondsLeft, setSecondsLeft] = useState(seconds);
  const onTimeoutRef = useRef(onTimeout);
  useEffect(() => {
    onTimeoutRef.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    let deadline = Date.now() + seconds * 1000;
    let done = false;
    const tick = () => {
      const left = deadline - Date.now();
      if (left <= 0 && !done) {
        done = true;
        onTimeoutRef.current();
        return;
      }
      setSecondsLeft(Math.max(0, Math.ceil(left / 1000)));
    };
    const activity = () => {
      deadline = Date.now() + seconds * 1000;
      tick();
    };
    const interval = setInterval(tick, 250);
    window.addEventListener('pointerdown', activity, true);
    window.addEventListener('keydown', activity, true);
    return () => {
      clearInterval(interval);
      window.removeEventListener('pointerdown', activity, true);
      window.removeEventListener('keydown', activity, true);
    };
  }, [seconds]);

  if (secondsLeft > showFrom) return null;
  return (
    <p className="kiosk-countdown" data-testid="kiosk-countdown">
      {label(secondsLeft)}
    </p>
  );
}
