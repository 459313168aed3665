import { expect, test } from '@playwright/test';
import { defaultWorkstationConfig } from '../../common/contract';
import { enrolmentPaths } from '../../common/contract/central/enrolment';
import { BrowserHostProcess } from '../support/browserHostProcess';
import { CentralProcess } from '../support/centralProcess';
import { logIn } from './logIn';

/** The admin registers a PC on the central server (docs/provisioning.md): its one-time code. */
async function registerPcWithCode(centralUrl: string): Promise<string> {
  const login = await fetch(`${centralUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${centralUrl}${enrolmentPaths.adminEnrolments}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      id: 'e2e-enrol-slaska-6',
      siteId: 'slaska',
      counterNumber: 6,
      terminal: { kind: 'simulator' },
      printer: { kind: 'tcp', host: 'zebra-6.local', port: 9100 },
    }),
  });
  if (response.status !== 201) throw new Error(`enrolment code: HTTP ${response.status}`);
  return ((await response.json()) as { code: string }).code;
}

/** A fresh counter PC whose config names the central server, with no identity yet. */
function freshPc(centralUrl: string): BrowserHostProcess {
  return BrowserHostProcess.start({
    config: { ...defaultWorkstationConfig, central: { mode: 'remote', url: centralUrl } },
  });
}

test('a new PC asks for its code, refuses a wrong one, enrols and runs with the server’s settings', async ({
  page,
  browser,
}) => {
  const central = await CentralProcess.start();
  const hosts: BrowserHostProcess[] = [];
  try {
    const code = await registerPcWithCode(central.url);
    const pc = freshPc(central.url);
    hosts.push(pc);
    await page.goto(await pc.url());

    // The first-start screen: the address comes from the config, the code has the focus.
    await expect(page.getByRole('heading', { name: 'Rejestracja stanowiska' })).toBeVisible();
    await expect(page.getByLabel('Adres serwera centralnego')).toHaveValue(central.url);
    const codeField = page.getByLabel('Kod rejestracyjny');
    await expect(codeField).toBeFocused();

    await page.keyboard.type('AAAA-BBBB-CCCC');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(
      'Nie ma takiego kodu. Sprawdź, czy został wpisany bez błędów.',
    );
    // The wrong code is selected: typing replaces it.
    await page.keyboard.type(code.toLowerCase());
    await page.keyboard.press('Enter');

    // Enrolled without a restart: the login screen, then the counter the server assigned.
    await logIn(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stanowisko 6');
    await page.keyboard.press('F12');
    await expect(page.getByRole('heading', { name: 'Informacje o stanowisku' })).toBeVisible();
    await expect(page.getByTestId('info-counter')).toHaveText('6');
    await expect(page.getByTestId('info-printer')).toHaveText('sieciowa (TCP)');
    await expect(page.getByTestId('central-settings')).toContainText(
      'Ustawienia z serwera centralnego',
    );

    // A second PC with the same code is refused: the code is spent.
    const second = freshPc(central.url);
    hosts.push(second);
    const other = await browser.newPage();
    await other.goto(await second.url());
    await expect(other.getByLabel('Kod rejestracyjny')).toBeFocused();
    await other.keyboard.type(code);
    await other.keyboard.press('Enter');
    await expect(other.getByRole('alert')).toHaveText(
      'Ten kod został już użyty. Poproś dział IT o nowy kod dla tego stanowiska.',
    );
    await other.close();
  } finally {
    for (const host of hosts) await host.stop();
    await central.dispose();
  }
});
