import type { Page } from '@playwright/test';
import { expect } from './counterFixtures';

/** A counter clerk registers a certificate of residence (17,00 zł) by keyboard: its number. */
export async function registerCertificateCase(clerk: Page): Promise<string> {
  await clerk.getByTestId('open-cases').click();
  const typeInto = async (testId: string, text: string) => {
    await clerk.getByTestId(testId).focus();
    await clerk.keyboard.type(text);
  };
  await typeInto('case-type-input', 'zaświadczenie o zamel');
  await clerk.keyboard.press('Enter');
  await expect(clerk.getByTestId('case-type-input')).toHaveValue('Zaświadczenie o zameldowaniu');
  await typeInto('case-field-applicant.pesel', '85031412347');
  await typeInto('case-field-applicant.firstName', 'Janina');
  await typeInto('case-field-applicant.lastName', 'Żółkiewska');
  await typeInto('case-field-applicant.street', 'ul. Śląska 12/4');
  await typeInto('case-field-applicant.postalCode', '40001');
  await typeInto('case-field-applicant.city', 'Katowice');
  await clerk.getByTestId('case-document-dowod-tozsamosci-present').focus();
  await clerk.keyboard.press('Space');
  await clerk.keyboard.press('Control+Enter');
  const caseNumber = clerk.getByTestId('case-number');
  await expect(caseNumber).toHaveText(/^SO\.5332\.\d+\.\d{4}$/, { timeout: 20_000 });
  return (await caseNumber.textContent())!;
}
