import { defaultWorkstationConfig } from '../../common/contract';
import { BrowserHostProcess } from '../support/browserHostProcess';
import { CentralProcess } from '../support/centralProcess';
import { test as base } from './fixtures';

/**
 * A counter PC on a remote central server that runs in a process of its own (so a test can stop
 * it), with the PC's workstation token in <dataDir>/workstation-token. Counter `number` at
 * ul. Śląska; each spec picks its own number so parallel specs never share a counter.
 */
export function remoteCounterTest(counterNumber: number) {
  return base.extend<{ central: CentralProcess }>({
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
    central: async ({}, use) => {
      const central = await CentralProcess.start();
      try {
        await use(central);
      } finally {
        await central.dispose();
      }
    },
    host: async ({ central }, use) => {
      const token = await central.registerWorkstation(
        `e2e-slaska-${counterNumber}`,
        'slaska',
        counterNumber,
      );
      const host = BrowserHostProcess.start({
        config: {
          ...defaultWorkstationConfig,
          central: { mode: 'remote', url: central.url },
          counter: { number: counterNumber },
        },
        files: { 'workstation-token': `${token}\n` },
      });
      try {
        await host.waitFor('ready', (data) => data.step === 'central-reachable');
        await use(host);
      } finally {
        await host.stop();
      }
    },
  });
}
