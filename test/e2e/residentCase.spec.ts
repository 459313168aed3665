import fs from 'node:fs';
import { startCounterHost } from '../support/counterHost';
import { expect, test } from './counterFixtures';
import { logIn } from './logIn';

// The resident's path through a case, as issue 6 tells it: the Resident Assistant checks the
// documents and sends the resident to the queue; a clerk calls that ticket, sees the checklist,
// completes the case with the keyboard, submits it and sees its case number.
test('assistant checks documents and issues a ticket → clerk calls it, sees the checklist, registers the case and gets its number', async ({
  browser,
  counterA,
  centralUrl,
}) => {
  const clerk = counterA.page;
  await clerk.getByTestId('command-open').click();
  await expect(clerk.getByTestId('counter-state')).toHaveAttribute('data-state', 'open');

  // The assistant's PC in the hall, on the same central server.
  const assistantHost = await startCounterHost({ siteId: 'slaska', counterNumber: 8, centralUrl });
  const context = await browser.newContext();
  try {
    const desk = await context.newPage();
    await desk.goto(await assistantHost.url());
    await logIn(desk, { login: 'asystent', password: 'demo' });
    await expect(desk.getByTestId('assistant-desk')).toBeVisible();

    // A resident wants their ID card replaced: the assistant finds the case type by typing.
    await desk.getByTestId('assistant-case-search').fill('dowodu');
    await desk.getByTestId('assistant-case-option-dowod-osobisty').click();
    await desk.getByTestId('assistant-condition-wymiana').check();
    await desk.getByTestId('assistant-document-fotografia-present').check();
    await desk.getByTestId('assistant-document-dotychczasowy-dowod-missing').check();
    // What is missing shows at once, with where to get it.
    await expect(desk.getByTestId('assistant-missing-list')).toContainText(
      'Dotychczasowy dowód osobisty',
    );
    await expect(desk.getByTestId('assistant-missing-list-fotografia')).toHaveCount(0);
    await desk.getByTestId('assistant-issue').click();
    const numberOnDesk = desk.getByTestId('assistant-ticket-number');
    await expect(numberOnDesk).toHaveText(/^A\d{3}$/);
    const number = (await numberOnDesk.textContent())!;
    fs.mkdirSync('test-results', { recursive: true });
    await desk.screenshot({ path: 'test-results/assistant-desk.png', fullPage: true });

    // The clerk calls it and sees what the assistant checked.
    await expect(clerk.getByTestId('waiting-slaska.dowody')).toHaveAttribute('data-count', '1');
    await clerk.keyboard.press('F2');
    await expect(clerk.getByTestId('served-number')).toHaveText(number);
    await expect(clerk.getByTestId('served-checklist')).toBeVisible();
    await expect(clerk.getByTestId('served-checklist-dotychczasowy-dowod')).toHaveAttribute(
      'data-state',
      'missing',
    );
    await expect(clerk.getByTestId('served-checklist-fotografia')).toHaveAttribute(
      'data-state',
      'present',
    );

    // F10 opens the case for the served ticket, its type and checklist taken from the ticket.
    await clerk.keyboard.press('F10');
    await expect(clerk.getByTestId('case-ticket')).toContainText(number);
    await expect(clerk.getByTestId('case-type-input')).toHaveValue('Wydanie dowodu osobistego');
    await expect(clerk.getByTestId('case-document-dotychczasowy-dowod')).toHaveAttribute(
      'data-state',
      'missing',
    );

    // Everything by keyboard: focus a field, type; the resident brought the old ID after all.
    const typeInto = async (testId: string, text: string) => {
      await clerk.getByTestId(testId).focus();
      await clerk.keyboard.type(text);
    };
    await typeInto('case-field-applicant.pesel', '85031412347');
    await expect(clerk.getByTestId('case-pesel-birth-date')).toHaveText('14 marca 1985');
    await typeInto('case-field-applicant.firstName', 'Janina');
    await typeInto('case-field-applicant.lastName', 'Żółkiewska');
    await typeInto('case-field-applicant.street', 'ul. Śląska 12/4');
    await typeInto('case-field-applicant.postalCode', '40001');
    await typeInto('case-field-applicant.city', 'Katowice');
    await clerk.getByTestId('case-document-dotychczasowy-dowod-present').focus();
    await clerk.keyboard.press('Space');
    await clerk.getByTestId('case-field-fields.powod').focus();
    await clerk.keyboard.press('ArrowDown');
    await clerk.keyboard.press('ArrowDown');
    await clerk.keyboard.press('Control+Enter');

    // Submitted: the number is pending until the sync, then the server's number shows.
    const caseNumber = clerk.getByTestId('case-number');
    await expect(caseNumber).toHaveText(/^SO\.5340\.\d+\.\d{4}$/, { timeout: 20_000 });
    await expect(clerk.getByTestId('case-view-applicant')).toContainText('*******2347');
    await clerk.screenshot({ path: 'test-results/case-registered.png', fullPage: true });

    // The clerk finds it again by typing the start of the surname, diacritics or not.
    await clerk.getByTestId('case-search').fill('zolk');
    await expect(clerk.getByTestId('case-search-result')).toHaveCount(1);
    await expect(clerk.getByTestId('case-search-result')).toContainText(
      (await caseNumber.textContent())!,
    );
  } finally {
    await context.close();
    await assistantHost.stop();
  }
});
