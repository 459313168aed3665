import fs from 'node:fs';
import { expect } from './fixtures';
import { remoteCounterTest } from './remoteCentralFixtures';
import { logIn } from './logIn';

// Counter 3 at ul. Śląska on a remote central server (its own process, which the test stops).
const test = remoteCounterTest(3);

test('with the central server down, the clerk serves the resident by the paper ticket; the visit waits in the outbox', async ({
  page,
  host,
  central,
}) => {
  await page.goto(await host.url());
  await logIn(page);
  await expect(page.getByTestId('queue-panel')).toHaveAttribute('data-link', 'online');
  await expect(page.getByTestId('queue-offline')).toHaveCount(0);

  await central.stop();
  // A clear banner, and the paper-ticket path instead of the queue's commands.
  await expect(page.getByTestId('queue-offline')).toContainText(
    'Brak połączenia z serwerem centralnym',
  );
  const number = page.getByLabel('Numer z papierowego biletu');
  await number.fill('b 017');
  await number.press('Enter');
  await expect(page.getByTestId('served-number')).toHaveText('B017');
  await expect(page.getByTestId('manual-visit')).toContainText('Numer wpisany ręcznie');
  await page.getByLabel('Notatka (opcjonalnie)').fill('Wydano zaświadczenie');
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/counter-panel-offline.png', fullPage: true });

  // F8 finishes it: recorded here, one change waiting to be sent.
  await page.keyboard.press('F8');
  await expect(page.getByTestId('queue-notice')).toHaveText(
    'Wizyta B017 zapisana; zostanie wysłana po powrocie połączenia.',
  );
  await expect(page.getByTestId('manual-visit')).toHaveCount(0);
  await expect(page.getByTestId('sync-pending')).toHaveText('Do wysłania: 1');
});
