/**
 * What a running command of the simulated terminal may use: the conversation with the app,
 * the terminal's state (saved on every change), its timings, clock, scenario and fault hooks.
 */
import type { Conversation } from './conversation';
import type { Scenario } from './scenarios';
import type { SimulatorTimings } from './simulatorTimings';
import type { SimTransaction, SimulatorState } from './simulatorState';

/** How the simulator acts on its surroundings in the fault scenarios; the harness provides them. */
export type SimulatorHooks = {
  /** link-drop: pull the cable (and plug it back in later). */
  dropLink?(): void;
  /** lose-response: lose everything the terminal sends (true) or stop losing it (false). */
  loseOutgoing?(lost: boolean): void;
  /** reboot: stop this terminal now and start it again later, from its saved state. */
  reboot?(): void;
};

export type RunContext = {
  conversation: Conversation;
  timings: SimulatorTimings;
  hooks: SimulatorHooks;
  now(): Date;
  state(): SimulatorState;
  /** Saves a new state (ignored once the terminal was stopped: a crash saves nothing). */
  save(state: SimulatorState): void;
  /** Saves a transaction: added to the journal or replaced there, and as the last one. */
  record(tx: SimTransaction): void;
  /** The scenario for this payment or refund; 'approve' unless one was queued. */
  takeScenario(): Scenario;
};

/** The next trace and receipt numbers, wrapping as the BCD fields require. */
export function allocateNumbers(context: RunContext): {
  traceNumber: number;
  receiptNumber: number;
} {
  const state = context.state();
  const numbers = { traceNumber: state.nextTraceNumber, receiptNumber: state.nextReceiptNumber };
  context.save({
    ...state,
    nextTraceNumber: (state.nextTraceNumber % 999_999) + 1,
    nextReceiptNumber: (state.nextReceiptNumber % 9999) + 1,
  });
  return numbers;
}
