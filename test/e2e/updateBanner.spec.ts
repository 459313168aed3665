import fs from 'node:fs';
import path from 'node:path';
import { startCounterHost } from '../support/counterHost';
import { expect, test } from './counterFixtures';
import { logIn } from './logIn';

// The central server (counter A's embedded one) publishes a release; counter B, a browser host
// on it, finds the new version at its start and tells the clerk. The browser host installs
// nothing: the banner says IT updates this computer, and offers no button.
test('a counter PC shows the new version its central server publishes', async ({
  browser,
  counterA,
  centralUrl,
}) => {
  const channel = path.join(counterA.host.dataDir, 'releases', 'latest');
  fs.mkdirSync(channel, { recursive: true });
  const feed = "version: 9.1.0\npath: Okienko-9.1.0.AppImage\nreleaseDate: '2026-11-28'\n";
  fs.writeFileSync(path.join(channel, 'latest-linux.yml'), feed);
  fs.writeFileSync(path.join(channel, 'latest.yml'), feed);

  const served = await fetch(`${centralUrl}/updates/latest/latest-linux.yml`);
  expect(served.status).toBe(200);
  expect(await served.text()).toBe(feed);

  const host = await startCounterHost({ siteId: 'slaska', counterNumber: 2, centralUrl });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(await host.url());
    await logIn(page, { login: 'urzednik2', password: 'demo' });
    const banner = page.getByRole('status', { name: 'Aktualizacja programu' });
    await expect(banner).toContainText('Dostępna nowa wersja 9.1.0');
    await expect(banner).toContainText('dział IT');
    await expect(banner.getByRole('button')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('update-banner.png') });

    // Counter A has no release of its own to find (nothing newer was there at its start).
    await expect(counterA.page.getByTestId('update-banner')).toHaveCount(0);
  } finally {
    await context.close();
    await host.stop();
  }
});
