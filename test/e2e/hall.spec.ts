import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { queuePaths } from '../../common/contract/central/paths';
import { ensureWorkstation } from '../../server/auth/workstations';
import { startCentralServer } from '../../server/startCentralServer';
import { openCentralStore, type CentralStore } from '../../server/store/openCentralStore';
import { manualClock, TEST_SCRYPT_COST } from '../../server/testing/testStores';
import { test as hostTest } from './fixtures';

// The hall's kiosk and display board against the real central server with the demo data.
//
// Time matters here (a kiosk refuses tickets on a holiday and after the last-ticket time), so
// these tests start the central server in the test process with a clock they set: the refusals
// are the engine's own, rendered from its real answers, never from a stubbed one. One more test
// goes through the browser host (the `host` fixture) to prove that its embedded server serves
// the same pages and that the host prints their addresses; its content there depends on the
// day it runs, so it checks only what does not.

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const hallDir = path.join(repoRoot, 'out', 'hall');

/** Monday 2 March 2026, 10:00 in Warsaw: the demo sites are open, tickets are issued. */
const MONDAY_10_00 = '2026-03-02T09:00:00.000Z';
/** Wednesday 11 November 2026, 10:00 in Warsaw: Independence Day, the office is closed. */
const INDEPENDENCE_DAY = '2026-11-11T09:00:00.000Z';
/** Monday 2 March 2026, 16:45 in Warsaw: past the 16:30 last ticket of a Monday. */
const MONDAY_16_45 = '2026-03-02T15:45:00.000Z';

type Hall = {
  url: string;
  store: CentralStore;
  /** Moves the server's clock on (its clock stands still otherwise). */
  advance(ms: number): void;
  kiosk(site?: string): string;
  display(site?: string): string;
};

const test = base.extend<{ hallNow: string; hall: Hall }>({
  hallNow: [MONDAY_10_00, { option: true }],
  hall: async ({ hallNow }, use) => {
    if (!fs.existsSync(path.join(hallDir, 'kiosk.html'))) {
      throw new Error(
        `${hallDir} has no pages: run \`npm run build\` before the end-to-end tests.`,
      );
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-hall-e2e-'));
    const store = await openCentralStore({
      kind: 'sqlite',
      file: path.join(dir, 'central.sqlite'),
    });
    const clock = manualClock(hallNow);
    const server = await startCentralServer({
      host: '127.0.0.1',
      port: 0,
      version: 'e2e',
      store,
      demoData: true,
      clock,
      passwordCost: TEST_SCRYPT_COST,
      hallDir,
    });
    try {
      await use({
        url: server.url,
        store,
        advance: (ms) => clock.advance(ms),
        kiosk: (site = 'slaska') => `${server.url}/hall/kiosk.html?site=${site}`,
        display: (site = 'slaska') => `${server.url}/hall/display.html?site=${site}`,
      });
    } finally {
      await server.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
});

const SLASKA_CATEGORIES = [
  'Dowody osobiste',
  'Meldunki i ewidencja ludności',
  'Rejestracja pojazdów',
  'Prawa jazdy',
  'Sprawy lokalowe',
  'Architektura i budownictwo',
];

const category = (page: Page, name: string) =>
  page.getByTestId('kiosk-category').filter({ hasText: name });

/** Nothing of the page lies outside the screen, and nothing scrolls. */
async function expectFitsScreen(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const { innerWidth, innerHeight } = window;
    const root = document.documentElement;
    const outside = [...document.querySelectorAll('button, h1, h2, [data-testid]')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const printed = element.closest('.printed-ticket, .board-live');
        return (
          !printed &&
          box.width > 0 &&
          (box.bottom > innerHeight + 1 || box.right > innerWidth + 1 || box.top < -1)
        );
      })
      .map((element) => element.textContent?.slice(0, 40));
    return {
      scrolls: root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1,
      outside,
    };
  });
  expect(overflow).toEqual({ scrolls: false, outside: [] });
}

async function login(request: APIRequestContext, url: string, login: string): Promise<string> {
  const response = await request.post(`${url}/api/v1/auth/login`, {
    data: { login, password: 'demo' },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** A clerk at a counter PC of the site: the PC's workstation token and the clerk's session. */
async function clerkAtCounter(hall: Hall, request: APIRequestContext, counterNumber: number) {
  const { token } = await ensureWorkstation(hall.store, {
    id: `e2e-slaska-${counterNumber}`,
    siteId: 'slaska',
    counterNumber,
  });
  const headers = {
    authorization: `Bearer ${await login(request, hall.url, 'urzednik1')}`,
    'x-okienko-workstation': token,
  };
  const command = async (commandPath: string) => {
    const response = await request.post(`${hall.url}${commandPath}`, { headers, data: {} });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as { ticket: { number: string } | null };
  };
  return { command };
}

async function takeTicketByApi(hall: Hall, request: APIRequestContext, categoryId: string) {
  const response = await request.post(`${hall.url}${queuePaths.kioskTickets('slaska')}`, {
    data: { categoryId },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { outcome: string; ticket?: { number: string } };
}

test.describe('the kiosk on a working day', () => {
  test('shows the site’s categories in Polish and gives a ticket with its number', async ({
    page,
    hall,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(hall.kiosk());

    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Urząd Miasta — budynek główny, ul. Śląska',
    );
    await expect(
      page.getByRole('heading', { name: 'Wybierz sprawę, aby pobrać bilet' }),
    ).toBeVisible();
    await expect(page.getByTestId('kiosk-category')).toHaveCount(SLASKA_CATEGORIES.length);
    for (const name of SLASKA_CATEGORIES) await expect(category(page, name)).toBeVisible();
    await expect(category(page, 'Meldunki')).toHaveText(
      /^BMeldunki i ewidencja ludnościNikt nie czeka$/,
    );
    await expect(page.getByTestId('hall-clock')).toHaveText('10:00');
    await expectFitsScreen(page);
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/hall-kiosk.png' });

    // Every touch target is at least 64 px each way.
    const smallest = await page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('button')].map((button) => {
          const box = button.getBoundingClientRect();
          return Math.min(box.width, box.height);
        }),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(64);

    await category(page, 'Meldunki').click();
    await expect(page.getByTestId('kiosk-ticket-number')).toHaveText('B001');
    const ticket = page.getByTestId('kiosk-ticket');
    await expect(ticket).toContainText('Meldunki i ewidencja ludności');
    await expect(ticket).toContainText('Przed Tobą nie ma nikogo');
    await expect(ticket).toContainText('Szacowany czas oczekiwania');
    await expect(page.getByTestId('kiosk-countdown')).toHaveText(
      /^Powrót do ekranu startowego za (20|19|18) s$/,
    );
    await expectFitsScreen(page);
    await page.screenshot({ path: 'test-results/hall-kiosk-ticket.png' });

    // The receipt: the ticket alone, no screen furniture.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('printed-ticket')).toBeVisible();
    await expect(page.getByTestId('printed-ticket')).toContainText('B001');
    await expect(page.getByTestId('printed-ticket')).toContainText('Wydano: 02.03.2026, 10:00');
    await expect(page.getByTestId('printed-ticket')).toContainText('ul. Śląska');
    await expect(page.getByTestId('kiosk-ticket')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Gotowe' })).toBeHidden();
    await page.screenshot({ path: 'test-results/hall-kiosk-print.png' });
    // Printed as the receipt printer's driver gets it: one page, 80 mm wide (226.8 pt).
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: false })).toString(
      'latin1',
    );
    const pages = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(pages).toHaveLength(1);
    expect(Number(pages[0]![1])).toBeCloseTo((80 / 25.4) * 72, 0);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Gotowe' }).click();
    await expect(category(page, 'Meldunki')).toContainText('1 osoba w kolejce');
    hall.advance(60_000);
    await category(page, 'Meldunki').click();
    await expect(page.getByTestId('kiosk-ticket-number')).toHaveText('B002');
    await expect(page.getByTestId('kiosk-ticket')).toContainText('Przed Tobą: 1 osoba');
  });

  test('fits a 1920×1080 screen and speaks English for one resident, then Polish again', async ({
    page,
    hall,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(hall.kiosk());
    await expect(page.getByTestId('kiosk-category')).toHaveCount(SLASKA_CATEGORIES.length);
    await expectFitsScreen(page);
    await page.screenshot({ path: 'test-results/hall-kiosk-1080p.png' });

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      page.getByRole('heading', { name: 'Choose your matter to take a ticket' }),
    ).toBeVisible();
    await category(page, 'Dowody osobiste').click();
    await expect(page.getByTestId('kiosk-ticket')).toContainText('Your number');
    await expect(page.getByTestId('kiosk-ticket-number')).toHaveText('A001');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(
      page.getByRole('heading', { name: 'Wybierz sprawę, aby pobrać bilet' }),
    ).toBeVisible();
  });

  test('is used with the keyboard alone: arrows between categories, Enter, Tab, visible focus', async ({
    page,
    hall,
  }) => {
    await page.addInitScript(() => {
      // Headless Chromium has no printer: count the prints instead.
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(hall.kiosk());
    await expect(page.getByTestId('kiosk-category')).toHaveCount(SLASKA_CATEGORIES.length);

    // Tab reaches the first category; the arrows move between the tiles of the grid.
    for (let presses = 0; presses < 5; presses += 1) {
      await page.keyboard.press('Tab');
      if (await category(page, 'Dowody osobiste').evaluate((el) => el === document.activeElement))
        break;
    }
    await expect(category(page, 'Dowody osobiste')).toBeFocused();
    const outline = await category(page, 'Dowody osobiste').evaluate(
      (el) => getComputedStyle(el).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowRight');
    await expect(category(page, 'Meldunki')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(category(page, 'Sprawy lokalowe')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(category(page, 'Prawa jazdy')).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('kiosk-ticket-number')).toHaveText('D001');
    await expect(page.getByRole('heading', { name: /Twój numer/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Drukuj bilet' })).toBeFocused();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Gotowe' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { name: 'Wybierz sprawę, aby pobrać bilet' }),
    ).toBeVisible();

    // The booking code, typed on a hardware keyboard: an unknown code keeps what was typed.
    await page.getByRole('button', { name: /Mam rezerwację/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Kod rezerwacji', { exact: true })).toBeFocused();
    await page.keyboard.type('xyz 987');
    await expect(page.getByLabel('Kod rezerwacji', { exact: true })).toHaveValue('XYZ987');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('Nie znaleźliśmy rezerwacji o tym kodzie');
    await expect(page.getByLabel('Kod rezerwacji', { exact: true })).toHaveValue('XYZ987');
    await page.keyboard.press('Escape');
    await expect(
      page.getByRole('heading', { name: 'Wybierz sprawę, aby pobrać bilet' }),
    ).toBeVisible();
  });

  test('checks a booking in by the code typed on the on-screen keypad', async ({
    page,
    hall,
    request,
  }) => {
    // The online booking's feed hands the slot over (a supervisor's route).
    const supervisor = await login(request, hall.url, 'kierownik');
    const imported = await request.post(`${hall.url}${queuePaths.appointments('slaska')}`, {
      headers: { authorization: `Bearer ${supervisor}` },
      data: {
        appointments: [
          {
            bookingCode: 'WIZ-42',
            siteId: 'slaska',
            categoryId: 'slaska.lokale',
            dueAt: '2026-03-02T09:20:00.000Z',
          },
        ],
      },
    });
    expect(imported.status(), await imported.text()).toBe(200);

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(hall.kiosk());
    await page.getByRole('button', { name: /Mam rezerwację/ }).click();
    const keypad = page.getByRole('group', { name: 'Klawiatura' });
    for (const key of ['W', 'I', 'Z', '-', '4', '2']) {
      await keypad.getByRole('button', { name: key, exact: true }).click();
    }
    await expect(page.getByLabel('Kod rezerwacji', { exact: true })).toHaveValue('WIZ-42');
    await expectFitsScreen(page);
    await page.screenshot({ path: 'test-results/hall-kiosk-booking.png' });
    await page.getByRole('button', { name: 'Zatwierdź' }).click();

    await expect(page.getByTestId('kiosk-ticket-number')).toHaveText(/^E\d{3}$/);
    await expect(page.getByTestId('kiosk-ticket')).toContainText(
      'Rezerwacja potwierdzona. Zaprosimy Cię do stanowiska o godzinie 10:20.',
    );
    // The receipt carries no booking code.
    await expect(page.getByTestId('printed-ticket')).not.toContainText('WIZ');
  });

  test('says when the day’s tickets of a category are gone', async ({ page, hall, request }) => {
    // Architektura i budownictwo has a demo cap of 40 tickets a day.
    for (let issued = 0; issued < 40; issued += 1) {
      expect((await takeTicketByApi(hall, request, 'slaska.budownictwo')).outcome).toBe('issued');
    }
    await page.goto(hall.kiosk());
    await expect(category(page, 'Architektura i budownictwo')).toContainText(
      'Na dziś brak biletów',
    );
    await category(page, 'Architektura i budownictwo').click();
    await expect(page.getByTestId('kiosk-refusal')).toContainText(
      'Bilety do tej sprawy na dziś się skończyły',
    );
    await expect(page.getByTestId('kiosk-refusal')).toContainText('(40)');
    await page.getByRole('button', { name: 'Wróć' }).click();
    await expect(category(page, 'Dowody osobiste')).toBeVisible();
  });
});

test.describe('the kiosk when the server fails it', () => {
  test('says so calmly for an answer that is not the contract’s, and returns to the start', async ({
    page,
    hall,
  }) => {
    await page.clock.install();
    await page.goto(hall.kiosk());
    await expect(page.getByTestId('kiosk-category')).toHaveCount(SLASKA_CATEGORIES.length);

    // An answer of the wrong shape (say, another version of the server) is not shown.
    await page.route('**/kiosk/tickets', (route) =>
      route.fulfill({ json: { outcome: 'issued', number: 'B001' } }),
    );
    await category(page, 'Meldunki').click();
    await expect(page.getByTestId('kiosk-failed')).toContainText(
      'Nie udało się połączyć z systemem kolejki',
    );
    await expect(page.getByTestId('kiosk-ticket')).toHaveCount(0);
    await page.clock.runFor(11_000);
    await expect(
      page.getByRole('heading', { name: 'Wybierz sprawę, aby pobrać bilet' }),
    ).toBeVisible();

    // No answer at all: the same, and "Spróbuj ponownie" goes back at once.
    await page.unroute('**/kiosk/tickets');
    await page.route('**/kiosk/tickets', (route) => route.abort('connectionrefused'));
    await category(page, 'Meldunki').click();
    await expect(page.getByTestId('kiosk-failed')).toBeVisible();
    await page.getByRole('button', { name: 'Spróbuj ponownie' }).click();
    await expect(
      page.getByRole('heading', { name: 'Wybierz sprawę, aby pobrać bilet' }),
    ).toBeVisible();
  });
});

test.describe('the kiosk on a holiday', () => {
  test.use({ hallNow: INDEPENDENCE_DAY });

  test('refuses in plain Polish with the holiday’s name', async ({ page, hall }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(hall.kiosk());
    const refusal = page.getByTestId('kiosk-site-refusal');
    await expect(refusal).toContainText('Dziś urząd jest nieczynny');
    await expect(refusal).toContainText('Niepodległości');
    await expect(refusal).toContainText('Zapraszamy w kolejnym dniu pracy urzędu.');
    await expect(page.getByTestId('kiosk-category')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Mam rezerwację/ })).toHaveCount(0);
    await expectFitsScreen(page);
    await page.screenshot({ path: 'test-results/hall-kiosk-closed.png' });
  });
});

test.describe('the kiosk after the last ticket', () => {
  test.use({ hallNow: MONDAY_16_45 });

  test('refuses with the last-ticket time', async ({ page, hall }) => {
    await page.goto(hall.kiosk());
    const refusal = page.getByTestId('kiosk-site-refusal');
    await expect(refusal).toContainText('Na dziś nie wydajemy już biletów');
    await expect(refusal).toContainText('Ostatni bilet wydajemy o godzinie 16:30.');
  });
});

test.describe('the display board', () => {
  test('shows a ticket with its counter when a clerk calls it, with a chime and a flash', async ({
    page,
    hall,
    request,
  }) => {
    await page.addInitScript(() => {
      // Count the chime's notes: each bell starts oscillators.
      (window as unknown as { notes: number }).notes = 0;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
        (window as unknown as { notes: number }).notes += 1;
        return start.apply(this, args);
      };
    });
    const notes = () => page.evaluate(() => (window as unknown as { notes: number }).notes);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(hall.display());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Urząd Miasta — budynek główny, ul. Śląska',
    );
    await expect(page.getByTestId('board-empty')).toContainText('Zapraszamy');
    // Audio waits for a gesture unless the browser was started to allow it.
    const enableSound = page.getByRole('button', { name: 'Włącz dźwięk' });
    if (await enableSound.isVisible()) {
      await expect(enableSound).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(enableSound).toBeHidden();
    }
    const notesBefore = await notes();

    const issued = await takeTicketByApi(hall, request, 'slaska.dowody');
    expect(issued.ticket?.number).toBe('A001');
    const clerk = await clerkAtCounter(hall, request, 2);
    await clerk.command(queuePaths.open);
    expect((await clerk.command(queuePaths.callNext)).ticket?.number).toBe('A001');

    const row = page.getByTestId('board-serving').first();
    await expect(row).toHaveText('A001→2');
    await expect(row).toHaveAttribute('data-fresh', 'true');
    await expect(page.getByTestId('board-announcement')).toHaveText('Numer A001, stanowisko 2.');
    await expect(page.getByTestId('board-history').first()).toContainText('A001');
    await expect(page.getByTestId('board-history').first()).toContainText('stan. 2');
    await expect.poll(notes).toBeGreaterThan(notesBefore);

    // The ticket number is read from 10 m: at least 12% of the screen's height.
    const ticketHeight = await row
      .locator('.board-ticket')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize) / window.innerHeight);
    expect(ticketHeight).toBeGreaterThanOrEqual(0.12);
    await expectFitsScreen(page);
    await page.screenshot({ path: 'test-results/hall-display.png' });

    // A recall chimes again and shows in the last calls.
    const notesBeforeRecall = await notes();
    await clerk.command(queuePaths.recall);
    await expect(page.getByTestId('board-history').first()).toContainText('ponownie');
    await expect.poll(notes).toBeGreaterThan(notesBeforeRecall);

    // More calls than one: the newest first, and the board still fits a 1920×1080 screen.
    for (const categoryId of ['slaska.dowody', 'slaska.meldunki']) {
      await takeTicketByApi(hall, request, categoryId);
    }
    hall.advance(60_000);
    const second = await clerkAtCounter(hall, request, 3);
    await second.command(queuePaths.open);
    await second.command(queuePaths.callNext);
    await expect(page.getByTestId('board-serving')).toHaveCount(2);
    await expect(page.getByTestId('board-serving').first()).toHaveText(/→3$/);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expectFitsScreen(page);
    await page.screenshot({ path: 'test-results/hall-display-1080p.png' });
  });

  test('keeps showing the last calls with a calm notice when the server stops answering', async ({
    page,
    hall,
    request,
  }) => {
    await page.goto(hall.display());
    await expect(page.getByTestId('board-empty')).toBeVisible();
    await takeTicketByApi(hall, request, 'slaska.meldunki');
    const clerk = await clerkAtCounter(hall, request, 3);
    await clerk.command(queuePaths.open);
    await clerk.command(queuePaths.callNext);
    await expect(page.getByTestId('board-serving').first()).toHaveText('B001→3');

    await page.route('**/api/v1/queue/sites/*/display', (route) => route.abort());
    await expect(page.getByTestId('board-offline')).toHaveText(
      'Brak połączenia z systemem kolejki: ponawiamy…',
    );
    await expect(page.getByTestId('board-serving').first()).toHaveText('B001→3');
    await page.unroute('**/api/v1/queue/sites/*/display');
    await expect(page.getByTestId('board-offline')).toBeHidden();
  });
});

test('a full board (every row taken, four-digit numbers) fits the screen from 720p to 4K', async ({
  page,
  hall,
}) => {
  // A busy afternoon is hard to reach through the engine in a test: this one answers the
  // display route itself, with a body of the contract's shape, to check the layout alone.
  const serving = [
    { ticketNumber: 'AB1024', counterNumber: 12 },
    { ticketNumber: 'B117', counterNumber: 3 },
    { ticketNumber: 'C045', counterNumber: 5 },
    { ticketNumber: 'D009', counterNumber: 6 },
    { ticketNumber: 'E102', counterNumber: 7 },
    { ticketNumber: 'F013', counterNumber: 8 },
  ];
  const lastCalls = Array.from({ length: 10 }, (_, index) => ({
    callId: String(100 - index),
    ticketNumber: serving[index % serving.length]!.ticketNumber,
    counterNumber: serving[index % serving.length]!.counterNumber,
    at: `2026-03-02T13:${String(59 - index).padStart(2, '0')}:00.000Z`,
    recall: index % 4 === 1,
  }));
  await page.route('**/api/v1/queue/sites/slaska/display', (route) =>
    route.fulfill({
      json: {
        siteId: 'slaska',
        siteName: 'Urząd Miasta — budynek główny, ul. Śląska',
        now: '2026-03-02T14:00:00.000Z',
        serving,
        lastCalls,
      },
    }),
  );
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(hall.display());
    await expect(page.getByTestId('board-serving')).toHaveCount(5);
    await expect(page.getByTestId('board-serving').first()).toHaveText('AB1024→12');
    await expectFitsScreen(page);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('.board-ticket, .board-counter, .board-history-row')]
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent),
    );
    expect(clipped, `${width}×${height}`).toEqual([]);
    if (width === 1280) await page.screenshot({ path: 'test-results/hall-display-full.png' });
  }
});

hostTest(
  'the browser host prints the hall pages’ addresses, and its embedded server serves them',
  async ({ page, host }) => {
    await host.url();
    const reachable = await host.waitFor('ready', (data) => data.step === 'central-reachable');
    const central = String(reachable.data.detail);
    expect(central).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const kioskUrl = `${central}/hall/kiosk.html?site=slaska`;
    const displayUrl = `${central}/hall/display.html?site=slaska`;
    expect(host.log).toContain(`kiosk: ${kioskUrl}, display board: ${displayUrl}`);

    // What the kiosk offers depends on the day the test runs; the site's name does not.
    const response = await page.goto(kioskUrl);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Urząd Miasta — budynek główny, ul. Śląska',
    );
    await page.goto(displayUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Urząd Miasta — budynek główny, ul. Śląska',
    );
  },
);
