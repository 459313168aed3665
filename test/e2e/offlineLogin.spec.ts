import { expect } from './fixtures';
import { remoteCounterTest } from './remoteCentralFixtures';
import { DEMO_CLERK, logIn } from './logIn';

// A counter PC configured for a remote central server (its own process, which the test stops),
// with its workstation token in <dataDir>/workstation-token.
const test = remoteCounterTest(4);

test('a clerk who logged in here before logs in again while the central server is down: "praca offline"', async ({
  page,
  host,
  central,
}) => {
  await page.goto(await host.url());
  // No demo hint: this is a remote server.
  await expect(page.getByTestId('demo-hint')).toHaveCount(0);
  await logIn(page);
  await expect(page.getByTestId('session-offline')).toHaveCount(0);
  // The token file let the PC sync.
  await expect(page.getByTestId('sync-last')).toHaveText(/^Ostatnia synchronizacja: /);

  await central.stop();
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  const loginField = page.getByLabel('Login', { exact: true });
  const passwordField = page.getByLabel('Hasło', { exact: true });
  await expect(loginField).toBeFocused();

  // Someone who never logged in on this PC cannot, offline.
  await page.keyboard.type('kierownik');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Brak połączenia z serwerem centralnym');

  // The clerk who did, with a wrong password: refused.
  await loginField.fill(DEMO_CLERK.login);
  await passwordField.fill('nie-to-haslo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Nieprawidłowy login lub hasło.');

  // With the right one: in, working offline.
  await passwordField.fill(DEMO_CLERK.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-user')).toHaveText(`Zalogowano: ${DEMO_CLERK.name}`);
  await expect(page.getByTestId('session-offline')).toHaveText('praca offline');
  await expect(page.getByTestId('central-status')).toHaveText(
    'Brak połączenia z serwerem centralnym',
  );
  await page.screenshot({ path: 'test-results/offline-login.png', fullPage: true });
});
