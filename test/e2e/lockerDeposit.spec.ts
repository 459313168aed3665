import fs from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { defaultWorkstationConfig, type WorkstationConfig } from '../../common/contract';
import { lockerPaths, type ReadyCasesResponse } from '../../common/contract/central/lockers';
import { startTcpSink } from '../../main/lockers/printing/testing/tcpSink';
import { BrowserHostProcess } from '../support/browserHostProcess';
import { registerWorkstationAt, shiftedClockEnv } from '../support/counterHost';
import { expect, test } from './counterFixtures';
import { logIn } from './logIn';

/** Logs in at the central server's API as a demo user: the session's bearer token. */
async function apiSession(centralUrl: string, login: string): Promise<string> {
  const response = await fetch(new URL('/api/v1/auth/login', centralUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'demo' }),
  });
  expect(response.ok, `login of ${login} at the central server`).toBe(true);
  return ((await response.json()) as { token: string }).token;
}

/** What the central server knows of the locker at ul. Focha: its ready cases and deposits. */
async function lockerAtFocha(centralUrl: string, token: string): Promise<ReadyCasesResponse> {
  const response = await fetch(new URL(lockerPaths.readyCases('focha'), centralUrl), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.ok, 'GET the locker’s ready cases and deposits').toBe(true);
  return (await response.json()) as ReadyCasesResponse;
}

/**
 * A counter clerk registers an ID card case by keyboard, with a phone for the pickup code, and
 * marks its result ready for the urzędomat: its case number.
 */
async function registerIdCardCase(
  clerk: Page,
  applicant: { pesel: string; firstName: string; lastName: string } = {
    pesel: '85031412347',
    firstName: 'Janina',
    lastName: 'Żółkiewska',
  },
): Promise<string> {
  // From the queue panel the case desk opens on a new case; on the desk, "New case" starts one.
  const newCase = clerk.getByTestId('case-new');
  if (await newCase.isVisible()) await newCase.click();
  else await clerk.getByTestId('open-cases').click();
  const typeInto = async (testId: string, text: string) => {
    await clerk.getByTestId(testId).focus();
    await clerk.keyboard.type(text);
  };
  await typeInto('case-type-input', 'dowodu');
  await clerk.keyboard.press('Enter');
  await expect(clerk.getByTestId('case-type-input')).toHaveValue('Wydanie dowodu osobistego');
  await typeInto('case-field-applicant.pesel', applicant.pesel);
  await typeInto('case-field-applicant.firstName', applicant.firstName);
  await typeInto('case-field-applicant.lastName', applicant.lastName);
  await typeInto('case-field-applicant.street', 'ul. Śląska 12/4');
  await typeInto('case-field-applicant.postalCode', '40001');
  await typeInto('case-field-applicant.city', 'Katowice');
  await typeInto('case-field-applicant.phone', '600100200');
  await clerk.getByTestId('case-document-fotografia-present').focus();
  await clerk.keyboard.press('Space');
  await clerk.getByTestId('case-field-fields.powod').focus();
  await clerk.keyboard.press('ArrowDown');
  await clerk.keyboard.press('Control+Enter');
  const caseNumber = clerk.getByTestId('case-number');
  await expect(caseNumber).toHaveText(/^SO\.5340\.\d+\.\d{4}$/, { timeout: 20_000 });
  const number = (await caseNumber.textContent())!;
  await clerk.getByTestId('case-mark-ready').click();
  await expect(clerk.getByTestId('case-mark-ready-done')).toBeVisible();
  return number;
}

/**
 * The locker desk PC at ul. Focha on the hall's central server, with its label printer (the
 * simulator unless told), and its window with the locker clerk logged in.
 */
async function startLockerDesk(
  browser: Browser,
  centralUrl: string,
  printer: WorkstationConfig['printer'] = { kind: 'simulator' },
) {
  const token = await registerWorkstationAt(centralUrl, {
    id: 'e2e-focha-locker',
    siteId: 'focha',
    counterNumber: 1,
  });
  const host = BrowserHostProcess.start({
    config: {
      ...defaultWorkstationConfig,
      site: { id: 'focha' },
      central: { mode: 'remote', url: centralUrl },
      printer,
    },
    files: { 'workstation-token': `${token}\n` },
    env: shiftedClockEnv(),
  });
  const context = await browser.newContext();
  try {
    await host.waitFor('ready', (data) => data.step === 'central-reachable');
    const page = await context.newPage();
    await page.goto(await host.url());
    await logIn(page, { login: 'depozyty', password: 'demo' });
    await expect(page.getByTestId('locker-desk')).toBeVisible();
    return {
      page,
      stop: async () => {
        await context.close();
        await host.stop();
      },
    };
  } catch (error) {
    await context.close();
    await host.stop();
    throw error;
  }
}

/** The desk finds the case (refreshing until the clerk's change has come through) and prepares
 * a deposit in a medium compartment: its deposit id. */
async function prepareMediumDeposit(desk: Page, caseNumber: string): Promise<string> {
  await desk.getByTestId('locker-ready-search').fill(caseNumber);
  const row = desk.getByTestId('locker-ready-case').filter({ hasText: caseNumber });
  await expect(async () => {
    await desk.getByTestId('locker-ready-refresh').click();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await desk.getByTestId('locker-ready-search').press('Enter');
  await expect(desk.getByTestId('locker-size-medium')).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('locker-deposit-state')).toHaveAttribute('data-state', 'prepared');
  return (await desk.getByTestId('locker-deposit-id').textContent())!;
}

// Issue 9, the urzędomat: a counter clerk at ul. Śląska marks an ID card ready for the locker;
// the locker desk at ul. Focha finds it, prepares a deposit in a medium compartment, previews
// and prints its label, puts it in the locker, and the central server holds the deposit.
test('a ready result goes into the urzędomat: marked ready → deposit prepared, label previewed and printed, deposited → on the central server', async ({
  browser,
  counterA,
  centralUrl,
}) => {
  test.setTimeout(120_000);
  const clerk = counterA.page;
  const caseNumber = await registerIdCardCase(clerk);
  const lockerDesk = await startLockerDesk(browser, centralUrl);
  try {
    const desk = lockerDesk.page;

    // The case reaches the desk's cache once the clerk's change is synced and the desk pulls.
    const row = desk.getByTestId('locker-ready-case').filter({ hasText: caseNumber });
    await expect(async () => {
      await desk.getByTestId('locker-ready-refresh').click();
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(row).toContainText('J.Ż.');
    await expect(row).toContainText('Wydanie dowodu osobistego');

    // A number that is not ready for the locker is explained, not just missing from the list.
    await desk.getByTestId('locker-ready-search').fill('SO.5340.999.2026');
    await desk.getByTestId('locker-ready-search').press('Enter');
    await expect(desk.getByTestId('locker-ready-refusal')).toContainText(
      'Nie ma gotowej sprawy o tym numerze',
    );

    // By keyboard: the case number (any letter case), Enter picks it, 2 chooses medium, Enter prepares.
    await desk.getByTestId('locker-ready-search').fill(caseNumber.toLowerCase());
    await desk.getByTestId('locker-ready-search').press('Enter');
    await expect(desk.getByTestId('locker-chosen-case')).toContainText(caseNumber);
    await expect(desk.getByTestId('locker-size-medium')).toBeFocused();
    await desk.keyboard.press('3');
    await expect(desk.getByTestId('locker-size-large')).toBeChecked();
    await desk.keyboard.press('2');
    await expect(desk.getByTestId('locker-size-medium')).toBeChecked();
    await desk.keyboard.press('Enter');

    const state = desk.getByTestId('locker-deposit-state');
    await expect(state).toHaveAttribute('data-state', 'prepared');
    const depositId = (await desk.getByTestId('locker-deposit-id').textContent())!;
    expect(depositId).toMatch(/^DEP-[0-9A-HJKMNP-TV-Z]{10}$/);
    await expect(desk.getByTestId('locker-deposit-size')).toHaveText('średnia');

    // The preview: the printer's own label drawn, described for a screen reader.
    const preview = desk.getByTestId('locker-label-preview');
    await expect(preview).toBeVisible({ timeout: 20_000 });
    await expect(preview).toHaveAttribute('alt', new RegExp(caseNumber.replace(/\./g, '\\.')));
    expect(await preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(
      500,
    );

    // Print (the focus is on the button): the simulator printer takes it, the bar fills.
    await expect(desk.getByTestId('locker-print')).toBeFocused();
    await desk.keyboard.press('Enter');
    const progress = desk.getByTestId('locker-print-progress');
    await expect(progress).toHaveAttribute('aria-valuenow', '1', { timeout: 20_000 });
    await expect(progress).toHaveAttribute('aria-valuemax', '1');
    const job = desk.getByTestId('locker-print-job').filter({ hasText: depositId });
    await expect(job.first()).toHaveAttribute('data-status', 'printed');
    await expect(state).toHaveAttribute('data-state', 'label-printed');
    await expect(
      desk.getByTestId('locker-deposits-today').locator(`[data-deposit-id="${depositId}"]`),
    ).toHaveAttribute('data-state', 'label-printed');
    fs.mkdirSync('test-results', { recursive: true });
    await desk.screenshot({ path: 'test-results/locker-desk.png', fullPage: true });

    // Into the compartment.
    await expect(desk.getByTestId('locker-deposit')).toBeFocused();
    await desk.keyboard.press('Enter');
    await expect(state).toHaveAttribute('data-state', 'deposited');
    await expect(desk.getByTestId('locker-deposit-done')).toBeVisible();
    await expect(desk.getByTestId('locker-deposit-history').locator('li')).toHaveCount(3);
    await desk.screenshot({ path: 'test-results/locker-deposited.png', fullPage: true });

    // A second label for the envelope: marked DUPLIKAT, previewed as such, and printed.
    await expect(desk.getByTestId('locker-label-preview')).toHaveAttribute(
      'data-duplicate',
      'true',
    );
    await desk.getByTestId('locker-reprint').click();
    const reprint = desk.locator(
      `[data-testid="locker-print-job"][data-deposit-id="${depositId}"][data-kind="reprint"]`,
    );
    await expect(reprint).toHaveAttribute('data-status', 'printed', { timeout: 20_000 });
    await expect(reprint).toContainText('DUPLIKAT');

    // The central server has it, deposited, once the desk's outbox is through.
    const token = await apiSession(centralUrl, 'kierownik');
    await expect
      .poll(
        async () => {
          const locker = await lockerAtFocha(centralUrl, token);
          return locker.deposits.find((deposit) => deposit.depositId === depositId)?.state;
        },
        { timeout: 30_000 },
      )
      .toBe('deposited');
    await expect(desk.getByTestId('locker-sync-pending')).toHaveCount(0);
    // And the case is no longer offered to the desk.
    const locker = await lockerAtFocha(centralUrl, token);
    expect(locker.cases.some((ready) => ready.caseNumber === caseNumber)).toBe(false);
  } finally {
    await lockerDesk.stop();
  }
});

// The printer is off: the label does not print, the desk says why and what to check; once the
// printer is back, Retry prints it and the deposit moves on.
test('a label that did not print shows why, and prints on retry once the printer is back', async ({
  browser,
  counterA,
  centralUrl,
}) => {
  test.setTimeout(120_000);
  const clerk = counterA.page;
  const caseNumber = await registerIdCardCase(clerk);
  // A network label printer's address with nothing listening yet: a printer switched off.
  const probe = await startTcpSink();
  const port = probe.port;
  await probe.close();
  const lockerDesk = await startLockerDesk(browser, centralUrl, {
    kind: 'tcp',
    host: '127.0.0.1',
    port,
  });
  let printer: Awaited<ReturnType<typeof startTcpSink>> | null = null;
  try {
    const desk = lockerDesk.page;
    const depositId = await prepareMediumDeposit(desk, caseNumber);
    await desk.getByTestId('locker-print').click();

    const job = desk.locator(`[data-testid="locker-print-job"][data-deposit-id="${depositId}"]`);
    await expect(job).toHaveAttribute('data-status', 'failed-retrying', { timeout: 20_000 });
    await expect(job.getByTestId('locker-print-job-reason')).toContainText(
      `Drukarka nie odpowiada (127.0.0.1:${port}`,
    );
    await expect(job.getByTestId('locker-print-job-reason')).toContainText(
      'sprawdź, czy jest włączona',
    );
    await expect(desk.getByTestId('locker-print-progress')).toHaveAttribute('aria-valuenow', '0');
    await expect(desk.getByTestId('locker-deposit-state')).toHaveAttribute(
      'data-state',
      'prepared',
    );

    // After its second try the queue waits a few seconds: the printer comes back, Retry now.
    await expect(job).toHaveAttribute('data-attempts', /^[2-9]$/, { timeout: 20_000 });
    printer = await startTcpSink(port);
    await job.getByTestId('locker-print-retry').click();
    await expect(job).toHaveAttribute('data-status', 'printed', { timeout: 20_000 });
    await expect(desk.getByTestId('locker-print-progress')).toHaveAttribute('aria-valuenow', '1');
    await expect(desk.getByTestId('locker-deposit-state')).toHaveAttribute(
      'data-state',
      'label-printed',
    );
    // The desk also asks the printer's state by opening and closing a connection (no bytes):
    // only connections that carried bytes are print jobs.
    const printed = () => printer?.jobs().filter((bytes) => bytes.length > 0) ?? [];
    await expect.poll(() => printed().length).toBe(1);
    expect(printed()[0]!.toString('utf8')).toContain(depositId);
  } finally {
    await lockerDesk.stop();
    await printer?.close();
  }
});

// Several envelopes at once: the clerk prepares them, selects them and prints the batch; the
// progress bar counts the labels out.
test('prepared deposits print as a batch with progress', async ({
  browser,
  counterA,
  centralUrl,
}) => {
  test.setTimeout(120_000);
  const clerk = counterA.page;
  const first = await registerIdCardCase(clerk);
  const second = await registerIdCardCase(clerk, {
    pesel: '90020312344',
    firstName: 'Piotr',
    lastName: 'Nowak',
  });

  const lockerDesk = await startLockerDesk(browser, centralUrl);
  try {
    const desk = lockerDesk.page;
    const deposits = [
      await prepareMediumDeposit(desk, first),
      await prepareMediumDeposit(desk, second),
    ];
    const today = desk.getByTestId('locker-deposits-today');
    for (const depositId of deposits) {
      await today
        .locator(`[data-deposit-id="${depositId}"]`)
        .getByTestId('locker-deposit-select')
        .check();
    }
    await expect(desk.getByTestId('locker-print-selected')).toHaveText('Drukuj zaznaczone (2)');
    await desk.getByTestId('locker-print-selected').click();

    const progress = desk.getByTestId('locker-print-progress');
    await expect(progress).toHaveAttribute('aria-valuemax', '2');
    await expect(progress).toHaveAttribute('aria-valuenow', '2', { timeout: 20_000 });
    await expect(desk.getByTestId('locker-print-progress-text')).toHaveText(
      'Wydrukowano wszystkie etykiety (2).',
    );
    for (const depositId of deposits) {
      await expect(today.locator(`[data-deposit-id="${depositId}"]`)).toHaveAttribute(
        'data-state',
        'label-printed',
      );
    }
    // Printed ones are no longer offered for the batch.
    await expect(today.getByTestId('locker-deposit-select')).toHaveCount(0);
  } finally {
    await lockerDesk.stop();
  }
});
