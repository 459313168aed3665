import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A calm full-screen message (a refusal, a failure, "one moment"), its heading focused so a
 * screen reader reads it and a keyboard user goes on from it, with the actions below.
 */
export function MessageScreen({
  title,
  detail,
  busy = false,
  testId,
  children,
}: {
  title: string;
  detail: string;
  busy?: boolean;
  testId: string;
  children?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="kiosk-screen kiosk-message-screen" aria-busy={busy || undefined}>
      <div className="kiosk-message" role={busy ? 'status' : 'alert'} data-testid={testId}>
        <h2 ref={heading} tabIndex={-1} className="kiosk-message-title">
          {title}
        </h2>
        {detail ? <p className="kiosk-message-detail">{detail}</p> : null}
      </div>
      {children ? <div className="kiosk-actions">{children}</div> : null}
    </section>
  );
}
