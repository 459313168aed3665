import fs from 'node:fs';
import { startCounterHost } from '../support/counterHost';
import { takeKioskTicket } from '../support/queueCentral';
import { expect, test } from './counterFixtures';
import { logIn } from './logIn';

const SCREENSHOTS = 'test-results';
/** The demo shift supervisor (server/seed/demoUsers.ts). */
const SUPERVISOR = { login: 'kierownik', password: 'demo' };
/** The promise: a clerk's call shows in the supervisor's window within a second. */
const LIVE_WITHIN_MS = 1000;

function supervisorRoute(hostUrl: string): string {
  return new URL('#/supervisor', hostUrl).href;
}

test("a clerk's call reaches the open supervisor window within a second", async ({
  browser,
  counterA,
  centralUrl,
}, testInfo) => {
  const a = counterA.page;
  // The supervisor at a PC of their own in the same hall (the session is per PC).
  const host = await startCounterHost({ siteId: 'slaska', counterNumber: 5, centralUrl });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const supervisor = await context.newPage();
    await supervisor.goto(supervisorRoute(await host.url()));
    await logIn(supervisor, SUPERVISOR);
    await expect(supervisor.getByRole('heading', { level: 1 })).toHaveText('Przegląd zmiany');
    await expect(supervisor.getByTestId('sv-overview')).toHaveAttribute('data-link', 'online');
    const row = supervisor.getByTestId('sv-counter-1');
    await expect(row).toHaveAttribute('data-activity', 'closed');

    // The clerk opens counter 1; a resident takes a ticket at the kiosk.
    await a.getByTestId('command-open').click();
    await expect(a.getByTestId('counter-state')).toHaveAttribute('data-state', 'open');
    await expect(row).toHaveAttribute('data-activity', 'idle');
    const { ticket } = await takeKioskTicket(centralUrl, 'slaska', 'slaska.dowody');
    await expect(a.getByTestId('waiting-slaska.dowody')).toContainText(ticket.number);
    await expect(supervisor.getByTestId('sv-queue-slaska.dowody')).toHaveAttribute(
      'data-waiting',
      '1',
    );

    // F2 at the counter: the supervisor's row shows the ticket within a second.
    const pressedAt = Date.now();
    await a.keyboard.press('F2');
    await expect(a.getByTestId('served-number')).toHaveText(ticket.number);
    await expect(supervisor.getByTestId('sv-counter-1-ticket')).toContainText(ticket.number, {
      timeout: LIVE_WITHIN_MS,
    });
    testInfo.annotations.push({
      type: 'F2 → supervisor row',
      description: `${Date.now() - pressedAt} ms`,
    });
    await expect(row).toHaveAttribute('data-activity', /^(calling|serving)$/);
    await expect(supervisor.getByTestId('sv-queue-slaska.dowody')).toHaveAttribute(
      'data-waiting',
      '0',
    );

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await supervisor.screenshot({ path: `${SCREENSHOTS}/supervisor-window.png`, fullPage: true });

    // A table as CSV, as shown (a spreadsheet in Polish opens it: BOM, semicolons).
    const tableDownload = supervisor.waitForEvent('download');
    await supervisor.getByTestId('sv-counters-csv').click();
    const table = await tableDownload;
    expect(table.suggestedFilename()).toMatch(/^stanowiska-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await table.path(), 'utf8');
    expect(csv.startsWith('\ufeffNr;Stanowisko;Stan;')).toBe(true);
    expect(csv).toContain(`;${ticket.number};`);
    // The shift report: the browser host hands the PDF back to download.
    const reportDownload = supervisor.waitForEvent('download');
    await supervisor.getByTestId('sv-export-pdf').click();
    const report = await reportDownload;
    expect(report.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      fs
        .readFileSync(await report.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expect(supervisor.getByTestId('sv-export-result')).toContainText('Pobrano');
  } finally {
    await context.close();
    await host.stop();
  }
});

test("the supervisor's actions by keyboard: a message to the counter's screen, its categories, closing it", async ({
  browser,
  counterA,
  centralUrl,
}) => {
  const a = counterA.page;
  const host = await startCounterHost({ siteId: 'slaska', counterNumber: 5, centralUrl });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const supervisor = await context.newPage();
    await supervisor.goto(supervisorRoute(await host.url()));
    await logIn(supervisor, SUPERVISOR);
    await a.getByTestId('command-open').click();
    const row = supervisor.getByTestId('sv-counter-1');
    await expect(row).toHaveAttribute('data-activity', 'idle');

    // A message to counter 1: the dialog by keyboard, Enter sends.
    await row.getByRole('button', { name: /^Wiadomość/ }).focus();
    await supervisor.keyboard.press('Enter');
    const dialog = supervisor.getByTestId('sv-message-dialog');
    await expect(dialog.getByLabel(/^Treść/)).toBeFocused();
    await supervisor.keyboard.type('Proszę podejść do kierownika po zakończeniu obsługi.');
    await supervisor.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(supervisor.getByTestId('sv-notice')).toHaveText(
      'Wysłano wiadomość do stanowiska 1.',
    );
    // The clerk sees it on the counter's screen, from whom, and closes it.
    const message = a.getByTestId('counter-message');
    await expect(message).toContainText('Proszę podejść do kierownika po zakończeniu obsługi.');
    await expect(message).toContainText('Ewa Lewandowska');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await a.screenshot({ path: `${SCREENSHOTS}/counter-message-banner.png` });
    await message.getByRole('button', { name: 'Zamknij wiadomość' }).click();
    await expect(message).toHaveCount(0);

    // Counter 1 serves Meldunki before Dowody: the arrows move a category, the focus stays on it.
    await row.getByRole('button', { name: /^Kategorie/ }).focus();
    await supervisor.keyboard.press('Enter');
    const categories = supervisor.getByTestId('sv-categories-dialog');
    await expect(categories.getByRole('checkbox', { name: /Dowody osobiste/ })).toBeFocused();
    await supervisor.keyboard.press('Tab');
    const down = categories.getByRole('button', { name: 'Niżej: Dowody osobiste' });
    await expect(down).toBeFocused();
    await supervisor.keyboard.press('Enter');
    await expect(categories.getByRole('button', { name: 'Wyżej: Dowody osobiste' })).toBeFocused();
    await categories.getByRole('button', { name: /^Zapisz kategorie/ }).focus();
    await supervisor.keyboard.press('Enter');
    await expect(categories).toHaveCount(0);
    await expect(row.locator('.sv-prefixes li').first()).toHaveAttribute(
      'title',
      'Meldunki i ewidencja ludności',
    );

    // Close counter 1, after a confirmation (Enter confirms).
    await row.getByRole('button', { name: /^Zamknij/ }).focus();
    await supervisor.keyboard.press('Enter');
    const confirm = supervisor.getByTestId('sv-state-dialog');
    await expect(confirm.getByRole('button', { name: /^Zamknij stanowisko/ })).toBeFocused();
    await supervisor.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
    await expect(row).toHaveAttribute('data-activity', 'closed');
    await expect(a.getByTestId('counter-state')).toHaveAttribute('data-state', 'closed');
    await expect(supervisor.getByTestId('sv-history')).toContainText(
      'Zamknięcie stanowiska 1 · kierownik',
    );
  } finally {
    await context.close();
    await host.stop();
  }
});

test('a clerk who opens the supervisor window is refused, with the way back', async ({
  counterA,
}) => {
  // A tab of the same PC as the clerk's counter window (its address carries the host's token):
  // the PC's session is urzednik1's.
  const page = await counterA.page.context().newPage();
  await page.goto(supervisorRoute(await counterA.host.url()));
  await expect(page.getByTestId('sv-refusal')).toContainText(
    'Okno kierownika zmiany jest dostępne tylko dla kierownika',
  );
  await expect(page.getByTestId('sv-overview')).toHaveCount(0);
  const back = page.getByRole('link', { name: 'Wróć do okna stanowiska' });
  await expect(back).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('queue-panel')).toBeVisible();
});
