import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../main/db';
import { expect, test } from './fixtures';
import { logIn } from './logIn';

const packageVersion = (
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  }
).version;

test.use({
  workstationConfig: {
    schemaVersion: 1,
    central: { mode: 'embedded' },
    site: { id: 'waszyngtona' },
    counter: { number: 7 },
    terminal: { kind: 'simulator' },
    printer: { kind: 'tcp', host: 'zebra-7.local', port: 9100 },
    locale: 'pl',
    cases: { retentionDays: 30 },
    logs: { level: 'info', maxFileSizeMb: 10, maxAgeDays: 14, maxFiles: 30 },
  },
});

test('the counter window opens in Polish and shows this PC through one IPC round trip', async ({
  page,
  host,
}) => {
  await page.goto(await host.url());
  await logIn(page);

  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stanowisko 7');
  // This PC's details are one key away from the counter panel.
  await page.keyboard.press('F12');
  await expect(page.getByRole('heading', { name: 'Informacje o stanowisku' })).toBeVisible();

  // app:info carries the app version, the SQLite schema version and the config file's values.
  await expect(page.getByTestId('info-app-version')).toHaveText(packageVersion);
  await expect(page.getByTestId('info-schema-version')).toHaveText(String(SCHEMA_VERSION));
  await expect(page.getByTestId('info-site')).toHaveText('Urząd Miasta — ul. Waszyngtona');
  await expect(page.getByTestId('info-printer')).toHaveText('sieciowa (TCP)');
  await expect(page.getByTestId('info-host')).toHaveText('przeglądarka (host przeglądarkowy)');

  // The embedded central server answers; the status bar says so in Polish.
  await expect(page.getByTestId('central-status')).toHaveText('Połączono z serwerem centralnym');

  await host.waitFor('ready', (data) => data.step === 'window-loaded' && data.detail === 'counter');
  // The token left the address bar once the bridge had it.
  expect(page.url()).not.toContain('token=');

  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/counter-window.png', fullPage: true });
});

test('main answers a malformed payload and an unknown channel with typed errors, and keeps serving', async ({
  page,
  host,
}) => {
  await page.goto(await host.url());
  await expect(page.getByTestId('central-status')).toHaveAttribute('data-state', 'online');

  const invalid = await page.evaluate(() =>
    // @ts-expect-error: deliberately outside the contract, as a compromised page might send it.
    window.clerk.invoke('app:openWindow', { window: 'cellar', extra: 1 }),
  );
  expect(invalid.ok).toBe(false);
  if (!invalid.ok) {
    expect(invalid.error.code).toBe('invalid-payload');
    expect(invalid.error.issues?.map((issue) => issue.path).sort()).toEqual(['extra', 'window']);
  }

  const unknown = await page.evaluate(() =>
    // @ts-expect-error: not a channel of the contract.
    window.clerk.invoke('fs:readFile', { path: '/etc/passwd' }),
  );
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });

  // Still alive and answering after both.
  const info = await page.evaluate(() => window.clerk.invoke('app:info', {}));
  expect(info.ok).toBe(true);
});

test('the supervisor window has its own route, and the language can be switched to English', async ({
  page,
  host,
}) => {
  const url = await host.url();
  await page.goto(url.replace('#/counter', '#/supervisor'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Przegląd zmiany');
  await host.waitFor(
    'ready',
    (data) => data.step === 'window-loaded' && data.detail === 'supervisor',
  );

  await page.getByLabel('Język').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shift overview');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('central-status')).toHaveText('Connected to the central server');
});

test('Ctrl+Shift+K opens the supervisor window from the counter window', async ({
  page,
  host,
  context,
}) => {
  await page.goto(await host.url());
  await logIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stanowisko 7');
  const opened = context.waitForEvent('page');
  await page.keyboard.press('Control+Shift+K');
  const supervisor = await opened;
  await expect(supervisor.getByRole('heading', { level: 1 })).toHaveText('Przegląd zmiany');
});
