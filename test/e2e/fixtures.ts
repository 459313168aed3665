import { test as base } from '@playwright/test';
import { defaultWorkstationConfig, type WorkstationConfig } from '../../common/contract';
import { BrowserHostProcess } from '../support/browserHostProcess';

type Fixtures = {
  /** The config the test's host starts with; override with test.use({ workstationConfig }). */
  workstationConfig: WorkstationConfig;
  host: BrowserHostProcess;
};

/** Every test gets a fresh browser host with its own data folder and embedded central server. */
export const test = base.extend<Fixtures>({
  workstationConfig: [defaultWorkstationConfig, { option: true }],
  host: async ({ workstationConfig }, use) => {
    const host = BrowserHostProcess.start({ config: workstationConfig });
    try {
      await host.waitFor('ready', (data) => data.step === 'database-ready');
      await use(host);
    } finally {
      await host.stop();
    }
  },
});

export { expect } from '@playwright/test';
