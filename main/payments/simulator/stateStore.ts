/**
 * Where the simulator keeps its state: an object the test holds (so it outlives both sides of
 * a test's "restart"), or a JSON file for the embedded terminal of `npm start`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { initialSimulatorState, simulatorStateSchema } from './simulatorState';
import type { SimulatorState } from './simulatorState';

export interface SimulatorStateStore {
  load(): SimulatorState;
  save(state: SimulatorState): void;
}

/** Kept in memory; a structured copy each way, so nobody shares the object by accident. */
export function memoryStateStore(initial: SimulatorState = initialSimulatorState()) {
  let saved = structuredClone(initial);
  return {
    load: () => structuredClone(saved),
    save: (state: SimulatorState) => {
      saved = structuredClone(state);
    },
    /** What is stored now, for tests. */
    peek: () => structuredClone(saved),
  } satisfies SimulatorStateStore & { peek(): SimulatorState };
}

/** A JSON file, written atomically (temporary file, then rename). */
export function jsonFileStateStore(file: string): SimulatorStateStore {
  return {
    load() {
      if (!fs.existsSync(file)) return initialSimulatorState();
      const parsed = simulatorStateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) {
        throw new Error(
          `The terminal simulator's state in ${file} is not valid: ${parsed.error.message}`,
        );
      }
      return parsed.data;
    },
    save(state) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify(state, null, 2));
      fs.renameSync(temporary, file);
    },
  };
}
