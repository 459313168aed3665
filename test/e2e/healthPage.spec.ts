import fs from 'node:fs';
import { expect, test } from './counterFixtures';

const SCREENSHOTS = 'test-results';

// The IT team's health page (issue 10): counter 1's PC reports its status to the central server
// (its version, the simulator terminal, the printer, who is logged in), and the page on that
// server, after an admin's login, lists it.
test('the health page lists counter 1 with its version, terminal and printer', async ({
  browser,
  counterA,
  centralUrl,
}) => {
  const info = await counterA.page.evaluate(() => window.clerk.invoke('app:info', {}));
  if (!info.ok) throw new Error('app:info failed');
  const version = info.value.appVersion;

  const it = await browser.newContext({ viewport: { width: 1400, height: 800 } });
  try {
    const page = await it.newPage();
    await page.goto(`${centralUrl}/hall/admin/health.html`);
    await expect(page.getByRole('heading', { name: 'Stan stanowisk' })).toBeVisible();

    // A clerk may not see it.
    await page.getByLabel('Login').fill('urzednik1');
    await page.getByLabel('Hasło').fill('demo');
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await expect(page.getByRole('alert')).toContainText('nie ma dostępu');

    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Hasło').fill('demo');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Zalogowano: admin')).toBeVisible();

    const row = page
      .getByTestId('health-table')
      .locator('tbody tr')
      .filter({
        has: page.getByTestId('health-counter').getByText('1', { exact: true }),
      });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('health-version')).toContainText(version);
    // The embedded default's terminal is the simulator: connected.
    await expect(row.getByTestId('health-terminal')).toContainText('połączony');
    // The simulator printer answers like one that can be asked: available.
    await expect(row.getByTestId('health-printer')).toContainText('dostępna');
    await expect(row.getByTestId('health-clerk')).toHaveText('urzednik1');
    await expect(row.getByTestId('health-problems')).toHaveText('w porządku');

    // English on request.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(row.getByTestId('health-terminal')).toContainText('connected');

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/health-page.png`, fullPage: true });
  } finally {
    await it.close();
  }
});
