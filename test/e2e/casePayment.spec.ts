import fs from 'node:fs';
import { startCounterHost } from '../support/counterHost';
import { registerCertificateCase } from './certificateCase';
import { expect, test } from './counterFixtures';
import { logIn } from './logIn';

// Issue 7: the clerk takes a case's fee by card on the counter's terminal (the embedded
// simulator), follows the live status, hears "approved", and hands the resident a confirmation
// with the masked card number; the case shows paid; the end of day balances.
test('a case’s fee paid by card: live status → approved → case paid → confirmation with the masked card → end of day balanced', async ({
  counterA,
}) => {
  test.setTimeout(90_000);
  const clerk = counterA.page;
  const caseNumber = await registerCertificateCase(clerk);

  const panel = clerk.getByTestId('payment-panel');
  await expect(panel).toBeVisible();
  await expect(clerk.getByTestId('case-payment-state')).toHaveAttribute('data-state', 'to-pay');
  await expect(clerk.getByTestId('payment-due')).toHaveText('17,00\u00a0zł');
  // Before trying, the clerk sees the terminal is there and free.
  await expect(clerk.getByTestId('payment-terminal-state')).toHaveAttribute(
    'data-connection',
    'connected',
  );

  // By keyboard: card is the default choice; Enter on the start button.
  await clerk.getByTestId('payment-method-card').focus();
  await expect(clerk.getByTestId('payment-method-card')).toBeChecked();
  await clerk.getByTestId('payment-start').focus();
  await clerk.keyboard.press('Enter');

  // Live: the terminal asks for the card (the simulated resident taps it after 2 s).
  const status = clerk.getByTestId('payment-status');
  await expect(status).toContainText('Włóż lub zbliż kartę', { timeout: 10_000 });
  // The keyboard follows: the start button is gone, the focus is on Cancel, then on the outcome.
  await expect(clerk.getByTestId('payment-cancel')).toBeFocused();

  const result = clerk.getByTestId('payment-result');
  await expect(result).toHaveAttribute('data-status', 'approved', { timeout: 20_000 });
  await expect(result).toBeFocused();
  await expect(result).toHaveText('Płatność przyjęta: 17,00\u00a0zł. Można wydać potwierdzenie.');
  await expect(status).toHaveCount(0);
  await expect(clerk.getByTestId('case-payment-state')).toHaveAttribute('data-state', 'paid');
  await expect(clerk.getByTestId('case-payment-state')).toHaveText('Opłacona: 17,00\u00a0zł');
  // Nothing left to take: no start button.
  await expect(clerk.getByTestId('payment-start')).toHaveCount(0);

  // The resident's confirmation: amount, masked card, case number; no personal data.
  const confirmation = clerk.getByTestId('payment-confirmation');
  await expect(confirmation).toBeVisible();
  await expect(clerk.getByTestId('payment-confirmation-amount')).toHaveText('17,00\u00a0zł');
  await expect(clerk.getByTestId('payment-confirmation-method')).toHaveText(
    /^Karta [* ]*\*{4}[* ]*\d{4}$/,
  );
  await expect(clerk.getByTestId('payment-confirmation-auth')).not.toHaveText('—');
  await expect(clerk.getByTestId('payment-confirmation-case')).toHaveText(caseNumber);
  await expect(confirmation).not.toContainText('Żółkiewska');
  await expect(confirmation).not.toContainText('85031412347');
  fs.mkdirSync('test-results', { recursive: true });
  await clerk.screenshot({ path: 'test-results/case-payment.png', fullPage: true });

  // Printed, only the confirmation shows (the print dialog itself is the system's: stubbed).
  await clerk.evaluate(() => {
    window.print = () => undefined;
  });
  await clerk.getByTestId('payment-print').click();
  await clerk.emulateMedia({ media: 'print' });
  await expect(confirmation).toBeVisible();
  await expect(clerk.getByTestId('payment-confirmation-case')).toBeVisible();
  await expect(clerk.getByTestId('case-number')).toBeHidden();
  await expect(clerk.getByTestId('case-view-applicant')).toBeHidden();
  await expect(clerk.getByTestId('payment-print')).toBeHidden();
  await clerk.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await clerk.emulateMedia({ media: 'screen' });
  await expect(clerk.getByTestId('case-number')).toBeVisible();

  // End of day from the "Terminal" window (Ctrl+Shift+P): the terminal and the journal agree.
  await clerk.keyboard.press('Control+Shift+P');
  const dialog = clerk.getByTestId('terminal-dialog');
  await expect(dialog).toBeVisible();
  await expect(clerk.getByTestId('payment-reconciliation-empty')).toBeVisible();
  await clerk.getByTestId('payment-end-of-day').click();
  await expect(clerk.getByTestId('payment-eod-balanced')).toHaveAttribute('data-balanced', 'true', {
    timeout: 20_000,
  });
  await expect(clerk.getByTestId('payment-eod-totals')).toContainText('17,00\u00a0zł');
  await clerk.screenshot({ path: 'test-results/terminal-end-of-day.png', fullPage: true });
  await clerk.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

// A declined card says why and that nothing was taken; the resident then pays by BLIK, and the
// clerk reads the BLIK steps live; the confirmation says "BLIK" instead of a card number.
test('a declined card, then BLIK: the reason and "nothing charged", the BLIK steps live, the confirmation says BLIK', async ({
  browser,
  centralUrl,
}) => {
  test.setTimeout(90_000);
  // The embedded simulator of this counter declines its first payment (main/payments/testScenarios.ts).
  const scenarios = process.env.OKIENKO_TEST_TERMINAL_SCENARIOS;
  process.env.OKIENKO_TEST_TERMINAL_SCENARIOS = 'decline';
  const host = await startCounterHost({ siteId: 'slaska', counterNumber: 3, centralUrl }).finally(
    () => {
      if (scenarios === undefined) delete process.env.OKIENKO_TEST_TERMINAL_SCENARIOS;
      else process.env.OKIENKO_TEST_TERMINAL_SCENARIOS = scenarios;
    },
  );
  const context = await browser.newContext();
  try {
    const clerk = await context.newPage();
    await clerk.goto(await host.url());
    await logIn(clerk, { login: 'urzednik2', password: 'demo' });
    await registerCertificateCase(clerk);

    await clerk.getByTestId('payment-start').click();
    const result = clerk.getByTestId('payment-result');
    await expect(result).toHaveAttribute('data-status', 'declined', { timeout: 20_000 });
    await expect(result).toContainText('Płatność odrzucona');
    await expect(result).toContainText('Nic nie pobrano');
    await expect(clerk.getByTestId('case-payment-state')).toHaveAttribute('data-state', 'to-pay');
    await expect(clerk.getByTestId('payment-confirmation')).toHaveCount(0);

    // BLIK, by keyboard: arrow to the second choice, then the start button.
    await clerk.getByTestId('payment-method-card').focus();
    await clerk.keyboard.press('ArrowDown');
    await expect(clerk.getByTestId('payment-method-blik')).toBeChecked();
    await clerk.getByTestId('payment-start').focus();
    await clerk.keyboard.press('Enter');
    const status = clerk.getByTestId('payment-status');
    await expect(status).toContainText('Interesant wpisuje kod BLIK', { timeout: 10_000 });
    await expect(status).toContainText('Interesant potwierdza płatność w aplikacji banku', {
      timeout: 15_000,
    });
    await expect(result).toHaveAttribute('data-status', 'approved', { timeout: 20_000 });
    await expect(clerk.getByTestId('case-payment-state')).toHaveAttribute('data-state', 'paid');
    await expect(clerk.getByTestId('payment-confirmation-method')).toHaveText('BLIK');
  } finally {
    await context.close();
    await host.stop();
  }
});

// Partial payments and the reversal: 17,00 zł paid as 10,00 by card and 7,00 by BLIK (partly
// paid, then paid); the BLIK part is then reversed the same day, with a reason, and the resident
// gets a confirmation of the reversal; the case owes 7,00 zł again.
test('a fee paid in parts (10,00 by card + 7,00 by BLIK), then the BLIK part reversed', async ({
  counterA,
}) => {
  test.setTimeout(120_000);
  const clerk = counterA.page;
  await registerCertificateCase(clerk);
  const state = clerk.getByTestId('case-payment-state');
  const amount = clerk.getByTestId('payment-amount');
  const result = clerk.getByTestId('payment-result');

  // The amount starts as all that is due; the clerk types 10,00 (Polish form, comma).
  await expect(amount).toHaveValue('17,00\u00a0zł');
  await amount.fill('20,00');
  await clerk.getByTestId('payment-start').click();
  await expect(clerk.getByTestId('payment-amount-error')).toContainText('pozostało do zapłaty');
  await amount.fill('10,00');
  await clerk.getByTestId('payment-start').click();
  await expect(result).toHaveAttribute('data-status', 'approved', { timeout: 20_000 });
  await expect(result).toHaveText('Płatność przyjęta: 10,00\u00a0zł. Można wydać potwierdzenie.');
  await expect(state).toHaveAttribute('data-state', 'partly-paid');
  await expect(state).toHaveText(
    'Opłacona częściowo: zapłacono 10,00\u00a0zł, pozostało 7,00\u00a0zł',
  );

  // The rest, by BLIK: the amount is now what is left.
  await expect(amount).toHaveValue('7,00\u00a0zł');
  await clerk.getByTestId('payment-method-blik').check();
  await clerk.getByTestId('payment-start').click();
  await expect(result).toHaveText('Płatność przyjęta: 7,00\u00a0zł. Można wydać potwierdzenie.', {
    timeout: 30_000,
  });
  await expect(state).toHaveAttribute('data-state', 'paid');
  await expect(state).toHaveText('Opłacona: 17,00\u00a0zł');
  const lines = clerk.getByTestId('case-payment');
  await expect(lines).toHaveCount(2);

  // The resident changes their mind about the BLIK part: reversed on the terminal, same day.
  const blikLine = lines.filter({ hasText: 'BLIK' });
  await blikLine.getByTestId('payment-reverse-open').click();
  // The reason is required (the browser keeps the form until one is typed).
  await expect(clerk.getByTestId('payment-reverse-reason')).toBeFocused();
  await clerk.getByTestId('payment-reverse-reason').fill('Interesant zapłaci gotówką w kasie');
  await clerk.getByTestId('payment-reverse-confirm').click();
  await expect(result).toHaveAttribute('data-status', 'reversed', { timeout: 20_000 });
  await expect(result).toContainText('Płatność wycofana');
  await expect(clerk.getByTestId('payment-confirmation-heading')).toHaveText(
    'Potwierdzenie anulowania płatności',
  );
  await expect(clerk.getByTestId('payment-confirmation-amount')).toHaveText('7,00\u00a0zł');
  await expect(blikLine).toHaveAttribute('data-status', 'reversed');
  await expect(state).toHaveAttribute('data-state', 'partly-paid');
  await expect(amount).toHaveValue('7,00\u00a0zł');
  fs.mkdirSync('test-results', { recursive: true });
  await clerk.screenshot({ path: 'test-results/case-payment-reversed.png', fullPage: true });

  // The end of day balances: the reversed payment is in neither total.
  await clerk.keyboard.press('Control+Shift+P');
  await clerk.getByTestId('payment-end-of-day').click();
  await expect(clerk.getByTestId('payment-eod-balanced')).toHaveAttribute('data-balanced', 'true', {
    timeout: 20_000,
  });
  await expect(clerk.getByTestId('payment-eod-totals')).toContainText('10,00\u00a0zł');
});
