/**
 * A simulated terminal on a simulated USB cable: the TerminalSimulator on the terminal's end
 * of a MemoryHidPair, with the fault scenarios wired to the cable (link-drop pulls it,
 * lose-response swallows the terminal's reports, reboot takes the terminal off the bus and
 * brings up a new one from the saved state). The app connects through `appFinder` exactly as
 * it would to node-hid. Used by the tests and as `npm start`'s embedded terminal.
 */
import { HidTransport } from '../link/hidTransport';
import type { HidDeviceFinder } from '../link/hidDevice';
import type { LinkTimings } from '../link/linkTimings';
import { MemoryHidPair } from '../link/memoryHidPair';
import { ZvtLink } from '../link/zvtLink';
import type { Scenario } from './scenarios';
import { DEFAULT_SIMULATOR_TIMINGS } from './simulatorTimings';
import type { SimulatorTimings } from './simulatorTimings';
import { memoryStateStore } from './stateStore';
import type { SimulatorStateStore } from './stateStore';
import { TerminalSimulator } from './terminalSimulator';

export type SimulatedTerminalOptions = {
  /** Where the terminal keeps its state; by default an in-memory store of its own. */
  store?: SimulatorStateStore;
  timings?: Partial<SimulatorTimings>;
  linkTimings?: Partial<LinkTimings>;
  now?: () => Date;
  /** How often the terminal's side looks for the bus after an unplug; default 1 s. */
  pollIntervalMs?: number;
  onActivity?: (text: string) => void;
};

export class SimulatedTerminal {
  readonly pair = new MemoryHidPair();
  readonly store: SimulatorStateStore;
  private readonly options: SimulatedTerminalOptions;
  private readonly timings: SimulatorTimings;
  private current: { simulator: TerminalSimulator; link: ZvtLink } | null = null;
  private readonly pendingScenarios: Scenario[] = [];
  private timers: ReturnType<typeof setTimeout>[] = [];
  private closed = false;

  constructor(options: SimulatedTerminalOptions = {}) {
    this.options = options;
    this.store = options.store ?? memoryStateStore();
    this.timings = { ...DEFAULT_SIMULATOR_TIMINGS, ...options.timings };
  }

  /** What the app opens: the terminal as a USB HID device. */
  get appFinder(): HidDeviceFinder {
    return this.pair.appFinder;
  }

  /** The terminal running now; null while it reboots. */
  get simulator(): TerminalSimulator | null {
    return this.current?.simulator ?? null;
  }

  start(): void {
    if (this.closed || this.current) return;
    const link = new ZvtLink(
      new HidTransport(this.pair.terminalFinder, {
        side: 'terminal',
        ...(this.options.pollIntervalMs ? { pollIntervalMs: this.options.pollIntervalMs } : {}),
      }),
      this.options.linkTimings ? { timings: this.options.linkTimings } : {},
    );
    const simulator = new TerminalSimulator({
      link,
      store: this.store,
      timings: this.timings,
      ...(this.options.now ? { now: this.options.now } : {}),
      ...(this.options.onActivity ? { onActivity: this.options.onActivity } : {}),
      hooks: {
        dropLink: () => this.dropLink(),
        loseOutgoing: (lost) => this.pair.setLoss('to-app', lost),
        reboot: () => this.reboot(),
      },
    });
    for (const scenario of this.pendingScenarios.splice(0)) simulator.nextScenario(scenario);
    this.current = { simulator, link };
    simulator.start();
  }

  /** How the next payment or refund ends (kept across a reboot if not used yet). */
  nextScenario(scenario: Scenario): void {
    if (this.current) this.current.simulator.nextScenario(scenario);
    else this.pendingScenarios.push(scenario);
  }

  /** The cable is pulled; it is plugged back in after `replugAfterMs`. */
  dropLink(): void {
    this.pair.unplug();
    this.later(this.timings.replugAfterMs, () => this.pair.plug());
  }

  /** The terminal restarts: off the bus now, back after `rebootMs` with its saved state. */
  reboot(): void {
    this.halt();
    this.pair.unplug();
    this.later(this.timings.rebootMs, () => {
      this.pair.plug();
      this.start();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.halt();
  }

  private halt(): Promise<void> {
    const current = this.current;
    this.current = null;
    if (!current) return Promise.resolve();
    current.simulator.stop();
    return current.link.close();
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers = this.timers.filter((entry) => entry !== timer);
      if (!this.closed) action();
    }, ms);
    this.timers.push(timer);
  }
}
