/**
 * Prints only the given confirmation: the print stylesheet (payments.css) hides everything else
 * while the body is marked. The marks go when printing ends (Chromium's `window.print()` returns
 * after the dialog; `afterprint` covers hosts where it does not block).
 */
export function printConfirmation(element: HTMLElement): void {
  const { body } = document;
  const clear = () => {
    delete body.dataset.printing;
    element.removeAttribute('data-print-now');
  };
  body.dataset.printing = 'payment-confirmation';
  element.setAttribute('data-print-now', '');
  window.addEventListener('afterprint', clear, { once: true });
  window.print();
}
