import fs from 'node:fs';
import { expect, test } from './counterFixtures';

// The whole path of a resident through the hall, as the issue tells it: the kiosk page takes a
// ticket; one clerk's panel calls it; the display board shows it with that counter's number;
// a second clerk's panel sees the queue shrink.
test('kiosk page → counter 1 calls with F2 → the display board shows it; counter 2 sees the queue shrink', async ({
  browser,
  counterA,
  counterB,
  centralUrl,
}) => {
  const a = counterA.page;
  const b = counterB.page;
  for (const page of [a, b]) {
    await page.getByTestId('command-open').click();
    await expect(page.getByTestId('counter-state')).toHaveAttribute('data-state', 'open');
  }

  const hall = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const display = await hall.newPage();
    await display.goto(`${centralUrl}/hall/display.html?site=slaska`);
    await expect(display.getByTestId('board-empty')).toBeVisible();

    // A resident touches "Dowody osobiste" on the kiosk and gets a number.
    const kiosk = await hall.newPage();
    await kiosk.goto(`${centralUrl}/hall/kiosk.html?site=slaska`);
    await kiosk.getByTestId('kiosk-category').filter({ hasText: 'Dowody osobiste' }).click();
    const numberOnKiosk = kiosk.getByTestId('kiosk-ticket-number');
    await expect(numberOnKiosk).toHaveText(/^A\d{3}$/);
    const number = (await numberOnKiosk.textContent())!;

    // Both counters see it waiting.
    for (const page of [a, b]) {
      await expect(page.getByTestId('waiting-slaska.dowody')).toHaveAttribute('data-count', '1');
    }

    // Counter 1 calls it.
    await a.keyboard.press('F2');
    await expect(a.getByTestId('served-number')).toHaveText(number);

    // The board shows the number with counter 1, and counter 2's queue is empty again.
    const row = display.getByTestId('board-serving').filter({ hasText: number });
    await expect(row).toBeVisible();
    await expect(row.locator('.board-counter')).toHaveText('1');
    await expect(display.getByTestId('board-history').first()).toContainText(number);
    await expect(b.getByTestId('waiting-slaska.dowody')).toHaveAttribute('data-count', '0');

    fs.mkdirSync('test-results', { recursive: true });
    await display.screenshot({ path: 'test-results/hall-to-counter-display.png' });
  } finally {
    await hall.close();
  }
});
