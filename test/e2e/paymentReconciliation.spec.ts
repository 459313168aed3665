import { startCounterHost } from '../support/counterHost';
import { registerCertificateCase } from './certificateCase';
import { expect, test } from './counterFixtures';
import { logIn } from './logIn';

// Issue 7: a payment the app cannot decide. The embedded terminal (scenario `wrong-last`)
// approves, loses the result with the cable, and its repeat receipt answers another
// transaction: the payment awaits manual reconciliation. The clerk sees it in the Terminal window
// (Ctrl+Shift+P), cannot take another payment for the case meanwhile, checks the printout and
// settles it with a note; the case then shows paid.
test('a payment awaiting reconciliation: blocked case, settled by hand in the Terminal window, case paid', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const saved = {
    scenarios: process.env.OKIENKO_TEST_TERMINAL_SCENARIOS,
    fast: process.env.OKIENKO_TEST_TERMINAL_FAST,
  };
  process.env.OKIENKO_TEST_TERMINAL_SCENARIOS = 'wrong-last';
  process.env.OKIENKO_TEST_TERMINAL_FAST = '1';
  const restore = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  const host = await startCounterHost({ siteId: 'slaska', counterNumber: 1 }).finally(() => {
    restore('OKIENKO_TEST_TERMINAL_SCENARIOS', saved.scenarios);
    restore('OKIENKO_TEST_TERMINAL_FAST', saved.fast);
  });
  const context = await browser.newContext();
  try {
    const clerk = await context.newPage();
    await clerk.goto(await host.url());
    await logIn(clerk);
    await registerCertificateCase(clerk);
    // Registration named the terminal before the first sale.
    await expect(clerk.getByTestId('payment-terminal-state')).toContainText('Terminal 52001233');

    await clerk.getByTestId('payment-start').click();
    const result = clerk.getByTestId('payment-result');
    await expect(result).toHaveAttribute('data-status', 'needs-reconciliation', {
      timeout: 30_000,
    });
    await expect(result).toContainText('Nie ponawiaj płatności');
    await expect(clerk.getByTestId('case-payment-state')).toHaveAttribute('data-state', 'to-pay');
    await expect(clerk.getByTestId('terminal-pending-count')).toBeVisible();

    // Another payment for this case is refused until the first is settled.
    await clerk.getByTestId('payment-start').click();
    await expect(clerk.getByTestId('payment-error')).toContainText('Najpierw rozlicz');

    // The Terminal window lists it; the clerk checks the printout and settles it with a note.
    await clerk.keyboard.press('Control+Shift+P');
    const dialog = clerk.getByTestId('terminal-dialog');
    await expect(dialog).toBeVisible();
    await expect(clerk.getByTestId('payment-reconciliation')).toContainText('17,00\u00a0zł');
    await clerk.getByTestId('payment-settle-open').click();
    await clerk.getByTestId('payment-settle-approved').check();
    await clerk
      .getByTestId('payment-settle-note')
      .fill('Wydruk terminala: sprzedaż 17,00 zł zatwierdzona');
    await clerk.getByTestId('payment-settle-save').click();
    await expect(clerk.getByTestId('payment-reconciliation-empty')).toBeVisible();
    await clerk.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    await expect(clerk.getByTestId('case-payment-state')).toHaveAttribute('data-state', 'paid');
    await expect(clerk.getByTestId('case-payment-state')).toHaveText('Opłacona: 17,00\u00a0zł');
    await expect(clerk.getByTestId('terminal-pending-count')).toHaveCount(0);
  } finally {
    await context.close();
    await host.stop();
  }
});
