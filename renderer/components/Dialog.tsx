import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog for the keyboard: it opens with the focus on its first field (or the element
 * marked `data-autofocus`), keeps Tab and Shift+Tab inside, confirms on Enter (from a radio or a
 * checkbox too), closes on Esc, and gives the focus back to where it was when it opened. The
 * native <dialog> makes the rest of the window inert.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>(
        'input:checked, input:not([type="radio"]), select, textarea, input',
      ) ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to the button (or field) the clerk was on, if it is still there.
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    const target = event.target;
    if (
      event.key === 'Enter' &&
      target instanceof HTMLInputElement &&
      (target.type === 'radio' || target.type === 'checkbox')
    ) {
      // Enter confirms from a choice too, not only from a text field.
      event.preventDefault();
      target.form?.requestSubmit();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      isTabStop,
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={props.testId}
      onCancel={(event) => {
        // Esc: the dialog closes through React's state, which also restores the focus.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" className="dialog-close" onClick={onClose}>
          {t('queue.dialogs.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <div className="dialog-body">{props.children}</div>
    </dialog>
  );
}

/** A radio group is one Tab stop: its checked radio, or its first when none is checked. */
function isTabStop(element: HTMLElement): boolean {
  if (!(element instanceof HTMLInputElement) || element.type !== 'radio' || !element.name) {
    return true;
  }
  const scope = element.form ?? element.ownerDocument;
  const group = [
    ...scope.querySelectorAll<HTMLInputElement>(
      `input[type="radio"][name="${CSS.escape(element.name)}"]`,
    ),
  ];
  const checked = group.find((radio) => radio.checked);
  return checked ? checked === element : group[0] === element;
}
