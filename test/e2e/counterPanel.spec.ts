import fs from 'node:fs';
import { takeKioskTicket } from '../support/queueCentral';
import { expect, test } from './counterFixtures';

const SCREENSHOTS = 'test-results';

test('a ticket from the kiosk: F2 calls it big, F3 recalls, F8 finishes; the other counter sees the queue shrink', async ({
  counterA,
  counterB,
  centralUrl,
}) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const a = counterA.page;
  const b = counterB.page;

  // Both clerks open their counters.
  for (const page of [a, b]) {
    await expect(page.getByTestId('counter-state')).toHaveAttribute('data-state', 'closed');
    await page.getByTestId('command-open').click();
    await expect(page.getByTestId('counter-state')).toHaveAttribute('data-state', 'open');
  }
  await expect(a.getByTestId('command-callNext')).toHaveAttribute('aria-disabled', 'true');
  await expect(a.getByTestId('command-callNext')).toContainText('Nikt nie czeka');

  // A resident takes a ticket at the hall's kiosk (a public route of the central server).
  const issued = await takeKioskTicket(centralUrl, 'slaska', 'slaska.dowody');
  const number = issued.ticket.number;
  await takeKioskTicket(centralUrl, 'slaska', 'slaska.meldunki');
  for (const page of [a, b]) {
    await expect(page.getByTestId('waiting-slaska.dowody')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('waiting-slaska.dowody')).toContainText(number);
  }
  await a.screenshot({ path: `${SCREENSHOTS}/counter-panel-waiting.png`, fullPage: true });

  // F2: the ticket at counter 1, big, with its category and the times ticking.
  await a.keyboard.press('F2');
  await expect(a.getByTestId('served-number')).toHaveText(number);
  await expect(a.getByTestId('served-category')).toHaveText('Dowody osobiste');
  await expect(a.getByTestId('served-serving')).toHaveText(/^\d+:\d{2}$/);
  await expect(a.getByTestId('served-recalls')).toHaveText('0');
  // The other counter sees one fewer waiting, from the live event.
  await expect(b.getByTestId('waiting-slaska.dowody')).toHaveAttribute('data-count', '0');
  await expect(b.getByTestId('waiting-slaska.meldunki')).toHaveAttribute('data-count', '1');
  // No-show is not possible yet, and says why.
  await expect(a.getByTestId('command-noShow')).toHaveAttribute('aria-disabled', 'true');
  await expect(a.getByTestId('command-noShow')).toContainText('przywołani');
  await a.screenshot({ path: `${SCREENSHOTS}/counter-panel-serving.png`, fullPage: true });

  // F3: recalled.
  await a.keyboard.press('F3');
  await expect(a.getByTestId('served-recalls')).toHaveText('1');

  // F8: the finish form, with the keyboard: the outcome (required here), Enter.
  await a.keyboard.press('F8');
  const finish = a.getByTestId('finish-dialog');
  await expect(finish).toBeVisible();
  await a.keyboard.press('Enter');
  await expect(finish.getByText('Wybierz wynik wizyty.')).toBeVisible();
  await a.keyboard.press('Space');
  await expect(finish.getByRole('radio', { name: 'Załatwiona na miejscu' })).toBeChecked();
  await a.screenshot({ path: `${SCREENSHOTS}/counter-panel-finish.png`, fullPage: true });
  await a.keyboard.press('Enter');
  await expect(finish).toHaveCount(0);
  await expect(a.getByTestId('served-none')).toBeVisible();
  await expect(a.getByTestId('served-today')).toHaveText('1');
  await expect(a.getByTestId('queue-notice')).toHaveText(`Obsługa biletu ${number} zakończona.`);
});

test('transfer (F6) and pause (F9) go through keyboard dialogs: Esc closes and gives the focus back', async ({
  counterA,
  centralUrl,
}) => {
  const a = counterA.page;
  await a.getByTestId('command-open').click();
  await expect(a.getByTestId('counter-state')).toHaveAttribute('data-state', 'open');
  const issued = await takeKioskTicket(centralUrl, 'slaska', 'slaska.dowody');
  await expect(a.getByTestId('waiting-slaska.dowody')).toHaveAttribute('data-count', '1');
  await a.keyboard.press('F2');
  await expect(a.getByTestId('served-number')).toHaveText(issued.ticket.number);

  // F6 from a focused button; Esc closes and the focus comes back to it.
  const recall = a.getByTestId('command-recall');
  await recall.focus();
  await a.keyboard.press('F6');
  const transfer = a.getByTestId('transfer-dialog');
  await expect(transfer).toBeVisible();
  await expect(transfer.getByRole('radio').first()).toBeFocused();
  await a.screenshot({ path: `${SCREENSHOTS}/counter-panel-transfer.png`, fullPage: true });
  await a.keyboard.press('Escape');
  await expect(transfer).toHaveCount(0);
  await expect(recall).toBeFocused();

  // Again, and transfer to the other queue of this counter with the arrows and Enter.
  await a.keyboard.press('F6');
  await expect(transfer).toBeVisible();
  await a.keyboard.press('Space');
  await expect(transfer.getByRole('radio').first()).toBeChecked();
  await a.keyboard.press('Enter');
  await expect(transfer).toHaveCount(0);
  await expect(a.getByTestId('served-none')).toBeVisible();
  await expect(a.getByTestId('queue-notice')).toHaveText(
    `Bilet ${issued.ticket.number} przekierowany.`,
  );

  // F9: pause with a reason; the panel says it; F9 again resumes.
  await a.keyboard.press('F9');
  const pause = a.getByTestId('pause-dialog');
  await expect(pause.getByRole('radio', { name: 'Przerwa' })).toBeFocused();
  await a.keyboard.press('ArrowDown');
  await expect(pause.getByRole('radio', { name: 'Praca biurowa' })).toBeChecked();
  await a.keyboard.press('Enter');
  await expect(a.getByTestId('counter-state')).toHaveText('Przerwa: Praca biurowa');
  await expect(a.getByTestId('command-callNext')).toContainText('Trwa przerwa');
  await a.screenshot({ path: `${SCREENSHOTS}/counter-panel-paused.png`, fullPage: true });
  await a.keyboard.press('F9');
  await expect(a.getByTestId('counter-state')).toHaveAttribute('data-state', 'open');

  // F12: this workstation's details, in a dialog.
  await a.keyboard.press('F12');
  await expect(a.getByRole('heading', { name: 'Informacje o stanowisku' })).toBeVisible();
  await expect(a.getByTestId('info-site')).toHaveText('Urząd Miasta — budynek główny, ul. Śląska');
  await a.keyboard.press('Escape');
  await expect(a.getByTestId('info-dialog')).toHaveCount(0);
});
