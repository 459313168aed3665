/**
 * The test-only way for end-to-end tests to steer the embedded terminal simulator: never an
 * IPC channel, only the environment of the process that starts the app (docs/payment-terminal.md
 * §13). Ignored unless the terminal is the simulator.
 *
 * - `OKIENKO_TEST_TERMINAL_SCENARIOS=decline,approve`: how the next payments end, in order
 *   (the names of scenarios.ts); then `approve` again.
 * - `OKIENKO_TEST_TERMINAL_FAST=1`: the simulated resident, bank and code windows take tens of
 *   milliseconds instead of seconds (a BLIK code "expires" after 2 s).
 */
import { SCENARIOS, type Scenario } from './simulator/scenarios';
import type { SimulatorTimings } from './simulator/simulatorTimings';

export const TEST_SCENARIOS_ENV = 'OKIENKO_TEST_TERMINAL_SCENARIOS';
export const TEST_FAST_ENV = 'OKIENKO_TEST_TERMINAL_FAST';

const FAST_TIMINGS: Partial<SimulatorTimings> = {
  cardPresentMs: 50,
  cardWindowMs: 2_000,
  blikCodeEntryMs: 50,
  blikCodeWindowMs: 2_000,
  blikConfirmMs: 50,
  blikConfirmWindowMs: 2_000,
  bankMs: 50,
  replugAfterMs: 200,
  rebootMs: 300,
};

/** The scenarios the environment queues; throws on a name the simulator does not know. */
export function testScenariosFrom(env: Record<string, string | undefined>): Scenario[] {
  const raw = env[TEST_SCENARIOS_ENV]?.trim();
  if (!raw) return [];
  return raw.split(',').map((name) => {
    const scenario = name.trim();
    if (!(SCENARIOS as readonly string[]).includes(scenario)) {
      throw new Error(
        `${TEST_SCENARIOS_ENV}: unknown scenario "${scenario}" (known: ${SCENARIOS.join(', ')})`,
      );
    }
    return scenario as Scenario;
  });
}

export function testTimingsFrom(
  env: Record<string, string | undefined>,
): Partial<SimulatorTimings> | undefined {
  return env[TEST_FAST_ENV] === '1' ? FAST_TIMINGS : undefined;
}
