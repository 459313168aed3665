import { useEffect, useRef } from 'react';

/**
 * Function keys for the whole window: each pressed key calls its handler, whatever has the
 * focus (F-keys type nothing, so they work from a text field too). The browser's own meaning of
 * the key (F3 find, F6 address bar, F7 caret browsing) is suppressed. Off while `enabled` is
 * false, e.g. while a dialog has the keyboard.
 */
export function useFunctionKeys(
  handlers: Partial<Record<string, () => void>>,
  enabled: boolean,
): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      event.preventDefault();
      // A held key repeats: one command per press.
      if (!event.repeat) handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
