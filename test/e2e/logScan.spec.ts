import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { diagnosticsListSchema, diagnosticsPaths } from '../../common/contract/diagnostics';
import { KNOWN_PERSONAL_VALUES, SAMPLE_PERSON } from '../../common/testing/personalSamples';
import { startCounterHost } from '../support/counterHost';
import { readLogs, scanLogsForPersonalData } from '../support/logScan';
import { logIn } from './logIn';

async function adminHeaders(centralUrl: string): Promise<{ authorization: string }> {
  const login = await fetch(new URL('/api/v1/auth/login', centralUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'demo' }),
  });
  expect(login.ok, 'admin login').toBe(true);
  return { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
}

// Issue 10: personal data never reaches a log. A clerk types a resident's PESEL, names,
// address, phone and e-mail into a case, submits it, takes the fee by card on the simulated
// terminal, marks the result ready for the urzędomat and sends the diagnostics to the central
// server; then the host stops and every log file of its data folder (the embedded central
// server logs there too) and the archive the server received are read: none of it is there.
test('a case with a resident’s personal data, paid and marked ready, then diagnostics sent: no log and no archive holds the data', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const host = await startCounterHost({ siteId: 'slaska', counterNumber: 5 });
  const context = await browser.newContext();
  try {
    const clerk = await context.newPage();
    await clerk.goto(await host.url());
    await logIn(clerk);
    const info = await clerk.evaluate(() => window.clerk.invoke('app:info', {}));
    if (!info.ok || !info.value.central.url) throw new Error('the host has no central URL');
    const centralUrl = info.value.central.url;

    // The case, by keyboard: a certificate of residence (17,00 zł, picked up at the urzędomat).
    await clerk.getByTestId('open-cases').click();
    const typeInto = async (testId: string, text: string) => {
      await clerk.getByTestId(testId).focus();
      await clerk.keyboard.type(text);
    };
    await typeInto('case-type-input', 'zaświadczenie o zamel');
    await clerk.keyboard.press('Enter');
    await expect(clerk.getByTestId('case-type-input')).toHaveValue('Zaświadczenie o zameldowaniu');
    await typeInto('case-field-applicant.pesel', SAMPLE_PERSON.pesel);
    await typeInto('case-field-applicant.firstName', SAMPLE_PERSON.firstName);
    await typeInto('case-field-applicant.lastName', SAMPLE_PERSON.lastName);
    await typeInto('case-field-applicant.street', SAMPLE_PERSON.street);
    await typeInto('case-field-applicant.postalCode', SAMPLE_PERSON.postalCode);
    await typeInto('case-field-applicant.city', SAMPLE_PERSON.city);
    await typeInto('case-field-applicant.phone', SAMPLE_PERSON.phone.replaceAll(' ', ''));
    await typeInto('case-field-applicant.email', SAMPLE_PERSON.email);
    await typeInto('case-field-notes', SAMPLE_PERSON.notes);
    await clerk.getByTestId('case-document-dowod-tozsamosci-present').focus();
    await clerk.keyboard.press('Space');
    await clerk.keyboard.press('Control+Enter');
    const caseNumber = clerk.getByTestId('case-number');
    await expect(caseNumber).toHaveText(/^SO\.5332\.\d+\.\d{4}$/, { timeout: 20_000 });

    // The fee by card on the simulated terminal.
    await clerk.getByTestId('payment-start').click();
    await expect(clerk.getByTestId('payment-result')).toHaveAttribute('data-status', 'approved', {
      timeout: 20_000,
    });
    await expect(clerk.getByTestId('case-payment-state')).toHaveAttribute('data-state', 'paid');

    // Ready for the urzędomat.
    await clerk.getByTestId('case-mark-ready').click();
    await expect(clerk.getByTestId('case-mark-ready-done')).toBeVisible();

    // Diagnostics from the F12 panel: what goes, then sent, with the server's reference.
    await clerk.keyboard.press('Escape');
    await clerk.getByTestId('open-info').click();
    await clerk.getByTestId('diagnostics-preview').click();
    await expect(clerk.getByTestId('diagnostics-preview-list')).toContainText('config.json');
    await clerk.getByTestId('diagnostics-send').click();
    const result = clerk.getByTestId('diagnostics-result');
    await expect(result).toContainText('Wysłano', { timeout: 20_000 });
    const id = /[0-9a-f-]{36}/.exec((await result.textContent()) ?? '')?.[0];
    expect(id, 'the reference of the sent archive').toBeDefined();

    // The admin downloads it from the central server: every file inside is free of the data.
    const headers = await adminHeaders(centralUrl);
    const list = diagnosticsListSchema.parse(
      await (await fetch(new URL(diagnosticsPaths.list, centralUrl), { headers })).json(),
    );
    expect(list.diagnostics.map((entry) => entry.id)).toContain(id);
    const download = await fetch(new URL(diagnosticsPaths.download(id!), centralUrl), { headers });
    expect(download.status).toBe(200);
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['manifest.json', 'config.json']));
    const archiveText = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    for (const value of KNOWN_PERSONAL_VALUES) expect(archiveText).not.toContain(value);

    // The host stops; its logs (the PC's and the embedded central server's) are read whole.
    await context.close();
    await host.kill();
    const logs = readLogs(host.dataDir);
    expect(logs.files.length).toBeGreaterThan(0);
    // The logs were written during the flow (they are not empty by accident).
    expect(logs.text).toContain('diagnostics sent');
    expect(scanLogsForPersonalData(host.dataDir, KNOWN_PERSONAL_VALUES)).toEqual([]);
  } finally {
    await context.close();
    await host.stop();
  }
});
