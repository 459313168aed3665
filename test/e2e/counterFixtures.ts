import { test as base, type Page } from '@playwright/test';
import type { BrowserHostProcess } from '../support/browserHostProcess';
import { startCounterHost } from '../support/counterHost';
import { logIn } from './logIn';

/** A counter PC in a test: its browser host and its counter window, a clerk logged in. */
export type CounterPc = { host: BrowserHostProcess; page: Page };

type Fixtures = {
  /** Counter 1 at ul. Śląska, with the embedded central server; urzednik1 logged in. */
  counterA: CounterPc;
  /** The central server of the hall (counterA's embedded one): kiosk, display, API. */
  centralUrl: string;
  /** Counter 2 at the same site, on counterA's server as its remote central; urzednik2. */
  counterB: CounterPc;
};

/**
 * Two counters of one hall on one central server, their clocks on a weekday morning so the
 * kiosk issues tickets whatever the hour the test runs at.
 *
 * HOOK for the combined kiosk → panel → display test (the hall's pages, hall/): use these
 * fixtures, open `${centralUrl}/hall/kiosk.html?site=slaska` and
 * `${centralUrl}/hall/display.html?site=slaska` in pages of their own, take a ticket on the
 * kiosk, call it with F2 in `counterA.page`, and expect the display to show it with counter 1.
 */
export const test = base.extend<Fixtures>({
  counterA: async ({ browser }, use) => {
    const host = await startCounterHost({ siteId: 'slaska', counterNumber: 1 });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(await host.url());
      await logIn(page);
      await use({ host, page });
    } finally {
      await context.close();
      await host.stop();
    }
  },
  centralUrl: async ({ counterA }, use) => {
    const info = await counterA.page.evaluate(() => window.clerk.invoke('app:info', {}));
    if (!info.ok || !info.value.central.url) throw new Error('counter A has no central URL');
    await use(info.value.central.url);
  },
  counterB: async ({ browser, centralUrl }, use) => {
    const host = await startCounterHost({ siteId: 'slaska', counterNumber: 2, centralUrl });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(await host.url());
      await logIn(page, { login: 'urzednik2', password: 'demo' });
      await use({ host, page });
    } finally {
      await context.close();
      await host.stop();
    }
  },
});

export { expect } from '@playwright/test';
