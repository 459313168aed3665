import { useEffect, useState } from 'react';
import { formatClock } from './hallTime';

/** The time in the hall (the server's clock, Polish time), updated every second. */
export function HallClock({ offsetMs, className }: { offsetMs: number; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const interval = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(interval);
  }, []);
  const at = new Date(now + offsetMs);
  return (
    <time className={className} dateTime={at.toISOString()} data-testid="hall-clock">
      {formatClock(at)}
    </time>
  );
}
