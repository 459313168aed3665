import type Database from 'better-sqlite3';
import type { WorkstationConfig } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { EventHub } from '../app/eventHub';
import type { Logger } from '../logging/logger';
import type { SyncServices } from '../sync/syncServices';
import { createPaymentService } from './session/paymentService';
import { createZvtTerminalAdapter } from './session/zvtTerminalAdapter';
import { openTerminalConnection } from './terminalConnection';
import { testScenariosFrom, testTimingsFrom } from './testScenarios';

/**
 * Builds the payment session as startWorkstation needs it: the terminal the config names (the
 * embedded simulator by default, its state in the data folder), the ZVT adapter on its link,
 * the clerk from the login, the outbox of the sync; then resolves whatever a previous run left
 * in flight (§8).
 */
export function startPaymentService(options: {
  db: Database.Database;
  clock: Clock;
  logger: Logger;
  config: WorkstationConfig;
  dataDir: string;
  hub: EventHub;
  sync: Pick<SyncServices, 'auth' | 'outbox'>;
  env?: Record<string, string | undefined>;
}) {
  const { config, logger } = options;
  const env = options.env ?? process.env;
  const simulatorTimings = config.terminal.kind === 'simulator' ? testTimingsFrom(env) : undefined;
  const connection = openTerminalConnection(config.terminal, {
    dataDir: options.dataDir,
    ...(simulatorTimings ? { simulatorTimings } : {}),
  });
  if (connection.simulator) {
    for (const scenario of testScenariosFrom(env)) connection.simulator.nextScenario(scenario);
  }
  connection.link.on('problem', (problem) => logger.debug({ problem }, 'terminal link'));
  const payments = createPaymentService({
    db: options.db,
    clock: options.clock,
    adapter: createZvtTerminalAdapter(connection.link, { kind: config.terminal.kind }),
    outbox: options.sync.outbox,
    hub: options.hub,
    clerkLogin: () => options.sync.auth.user()?.login ?? null,
    workstation: { siteId: config.site.id, counterNumber: config.counter.number },
    onError: (error, what) => logger.error({ err: error, what }, 'payment session'),
  });
  void payments.recover();
  return {
    payments,
    async stop(): Promise<void> {
      // Like a crash, as far as money goes: what is in flight stays so in the journal and is
      // asked about at the next start; the terminal reverses an uncommitted approval itself.
      payments.stop();
      await connection.close();
    },
  };
}
