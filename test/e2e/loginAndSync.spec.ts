import fs from 'node:fs';
import { expect, test } from './fixtures';
import { DEMO_CLERK, logIn } from './logIn';

test('a clerk logs in with the keyboard alone; a wrong password is refused in Polish, keeping the login', async ({
  page,
  host,
}) => {
  await page.goto(await host.url());

  const loginField = page.getByLabel('Login', { exact: true });
  const passwordField = page.getByLabel('Hasło', { exact: true });
  await expect(page.getByRole('heading', { name: 'Logowanie do stanowiska' })).toBeVisible();
  await expect(loginField).toBeFocused();
  // The embedded server has demo data, and the login screen says so.
  await expect(page.getByTestId('demo-hint')).toContainText('DEMO');
  await expect(page.getByTestId('demo-hint')).toContainText('urzednik1');

  await page.keyboard.type(DEMO_CLERK.login);
  await page.keyboard.press('Tab');
  await expect(passwordField).toBeFocused();
  await page.keyboard.type('nie-to-haslo');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('alert')).toHaveText('Nieprawidłowy login lub hasło.');
  await expect(loginField).toHaveValue(DEMO_CLERK.login);
  await expect(passwordField).toHaveValue('');
  await expect(passwordField).toBeFocused();
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/login-refused.png', fullPage: true });

  await page.keyboard.type(DEMO_CLERK.password);
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('session-user')).toHaveText(`Zalogowano: ${DEMO_CLERK.name}`);
  await expect(page.getByTestId('session-offline')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Obsługiwany bilet' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/logged-in.png', fullPage: true });
});

test('the status bar shows nothing waiting to be sent and when the last sync was, in both windows', async ({
  page,
  host,
  context,
}) => {
  const url = await host.url();
  await page.goto(url);
  await logIn(page);

  await expect(page.getByTestId('sync-pending')).toHaveText('Do wysłania: 0');
  await expect(page.getByTestId('sync-failed')).toHaveCount(0);
  await expect(page.getByTestId('sync-last')).toHaveText(
    /^Ostatnia synchronizacja: \d{1,2}:\d{2}:\d{2}$/,
  );

  const supervisor = await context.newPage();
  await supervisor.goto(url.replace('#/counter', '#/supervisor'));
  await expect(supervisor.getByTestId('sync-pending')).toHaveText('Do wysłania: 0');
  await expect(supervisor.getByTestId('sync-last')).toHaveText(/^Ostatnia synchronizacja: /);
});

test('the reference data pulled from the central server is read from this PC’s cache', async ({
  page,
  host,
}) => {
  await page.goto(await host.url());
  await logIn(page);
  await expect(page.getByTestId('sync-last')).toHaveText(/^Ostatnia synchronizacja: /);

  const sites = await page.evaluate(() =>
    window.clerk.invoke('reference:list', { entity: 'site' }),
  );
  expect(sites.ok).toBe(true);
  if (sites.ok) {
    const ids = sites.value.items.map((site) => site.id);
    expect(ids).toEqual(expect.arrayContaining(['slaska', 'waszyngtona', 'focha']));
    expect(sites.value.items.every((site) => site.demo)).toBe(true);
  }
});

test('logging out brings the login screen back, with the focus on the login field', async ({
  page,
  host,
}) => {
  await page.goto(await host.url());
  await logIn(page);

  await page.getByRole('button', { name: 'Wyloguj' }).click();

  await expect(page.getByRole('heading', { name: 'Logowanie do stanowiska' })).toBeVisible();
  await expect(page.getByLabel('Login', { exact: true })).toBeFocused();
  const session = await page.evaluate(() => window.clerk.invoke('auth:session', {}));
  expect(session).toMatchObject({ ok: true, value: { session: null } });
});
