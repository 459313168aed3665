import type { KeyboardEvent } from 'react';

const MOVES = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/**
 * Moves the focus between the buttons of a grid with the arrow keys (Home and End to the first
 * and the last), for a kiosk used from a keyboard alone. The columns are read from the layout
 * (the buttons on the first row), so the grid may reflow with the screen's width.
 */
export function moveFocusWithArrows(event: KeyboardEvent<HTMLElement>): void {
  if (!MOVES.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')].filter(
    (button) => !button.disabled,
  );
  const current = buttons.findIndex((button) => button === document.activeElement);
  if (current === -1 || buttons.length === 0) return;
  const firstTop = buttons[0]!.offsetTop;
  const columns = Math.max(1, buttons.filter((button) => button.offsetTop === firstTop).length);
  const target = {
    ArrowLeft: current - 1,
    ArrowRight: current + 1,
    ArrowUp: current - columns,
    ArrowDown: current + columns,
    Home: 0,
    End: buttons.length - 1,
  }[event.key];
  if (target === undefined) return;
  event.preventDefault();
  buttons[Math.min(buttons.length - 1, Math.max(0, target))]?.focus();
}
