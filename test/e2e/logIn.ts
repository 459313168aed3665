import { expect, type Page } from '@playwright/test';

/** The demo server's clerk (server/seed/demoUsers.ts). */
export const DEMO_CLERK = { login: 'urzednik1', password: 'demo', name: 'Anna Kowalska' };

/**
 * Logs in on the counter window's login screen as a clerk would: the login field has the focus,
 * Tab to the password, Enter to submit. Resolves once the window shows who is logged in.
 */
export async function logIn(
  page: Page,
  credentials: { login: string; password: string } = DEMO_CLERK,
): Promise<void> {
  const loginField = page.getByLabel('Login', { exact: true });
  await expect(loginField).toBeFocused();
  await page.keyboard.type(credentials.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(credentials.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-user')).toBeVisible();
}
