/**
 * The ZVT link to the terminal the workstation config names (`terminal` section): a USB HID
 * device by vendor and product ID, or the embedded simulator (the default of a new PC and of
 * `npm start`), which keeps its state in a JSON file in the app's data folder so it survives
 * restarts of the app like a real terminal would. The payment session (`session/`) drives `link`.
 */
import path from 'node:path';
import type { WorkstationConfig } from '../../common/contract/workstationConfig';
import type { HidDeviceFinder } from './link/hidDevice';
import { HidTransport } from './link/hidTransport';
import type { LinkTimings } from './link/linkTimings';
import { nodeHidFinder } from './link/nodeHidDevice';
import { ZvtLink } from './link/zvtLink';
import { SimulatedTerminal } from './simulator/simulatedTerminal';
import type { SimulatorTimings } from './simulator/simulatorTimings';
import { jsonFileStateStore } from './simulator/stateStore';
import type { SimulatorStateStore } from './simulator/stateStore';
import type { ZvtCharset } from './zvt/text';

export const SIMULATOR_STATE_FILE = 'terminal-simulator.json';

export type TerminalConnectionOptions = {
  /** The app's data folder: the simulator's state file goes there. */
  dataDir: string;
  charset?: ZvtCharset;
  linkTimings?: Partial<LinkTimings>;
  simulatorTimings?: Partial<SimulatorTimings>;
  /** Tests: another store for the simulator than the JSON file. */
  simulatorStore?: SimulatorStateStore;
  /** Tests: how node-hid is loaded. */
  loadNodeHid?: Parameters<typeof nodeHidFinder>[1];
  pollIntervalMs?: number;
};

export type TerminalConnection = {
  link: ZvtLink;
  /** The embedded simulator, when the config asks for it (scenarios, faults). */
  simulator: SimulatedTerminal | null;
  close(): Promise<void>;
};

/** Builds and starts the link; it connects (and reconnects) by itself. */
export function openTerminalConnection(
  terminal: WorkstationConfig['terminal'],
  options: TerminalConnectionOptions,
): TerminalConnection {
  let simulator: SimulatedTerminal | null = null;
  let finder: HidDeviceFinder;
  if (terminal.kind === 'usb-hid') {
    finder = nodeHidFinder(terminal, options.loadNodeHid);
  } else {
    simulator = new SimulatedTerminal({
      store:
        options.simulatorStore ??
        jsonFileStateStore(path.join(options.dataDir, SIMULATOR_STATE_FILE)),
      ...(options.simulatorTimings ? { timings: options.simulatorTimings } : {}),
    });
    simulator.start();
    finder = simulator.appFinder;
  }
  const link = new ZvtLink(
    new HidTransport(finder, {
      side: 'app',
      ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    }),
    {
      ...(options.charset ? { charset: options.charset } : {}),
      ...(options.linkTimings ? { timings: options.linkTimings } : {}),
    },
  );
  link.start();
  return {
    link,
    simulator,
    async close() {
      await link.close();
      await simulator?.close();
    },
  };
}
