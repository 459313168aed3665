import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initialSimulatorState, recoverAfterRestart, withTransaction } from './simulatorState';
import type { SimTransaction } from './simulatorState';
import { jsonFileStateStore } from './stateStore';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-sim-'));
  dirs.push(dir);
  return path.join(dir, 'terminal', 'state.json');
}

const tx: SimTransaction = {
  kind: 'payment',
  method: 'blik',
  amountGrosze: 1250,
  traceNumber: 7,
  receiptNumber: 3,
  dateWithYear: '261127',
  time: '101502',
  state: 'awaiting-answer',
  resultCode: 0,
};

describe('the simulator state', () => {
  it('survives in a JSON file across a restart of everything', () => {
    const file = tempFile();
    const first = jsonFileStateStore(file);
    expect(first.load()).toEqual(initialSimulatorState());
    first.save(withTransaction(first.load(), tx));
    expect(jsonFileStateStore(file).load().last).toEqual(tx);
  });

  it('refuses a state file that is not its own', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ version: 2 }));
    expect(() => jsonFileStateStore(file).load()).toThrow(/not valid/);
  });

  it('reverses on restart what was approved but never answered, and fails what was never asked', () => {
    const asked = { ...tx, traceNumber: 8, state: 'authorising' as const };
    const state = withTransaction(withTransaction(initialSimulatorState(), tx), asked);
    const recovered = recoverAfterRestart(state);
    expect(recovered.journal.map((entry) => entry.state)).toEqual(['reversed', 'not-approved']);
    expect(recovered.last?.state).toBe('not-approved');
  });
});
