import { describe, expect, it } from 'vitest';
import { createDraftSaver } from './draftSaver';

/** A save the test answers by hand, to hold it in flight. */
function manualSave() {
  const calls: { value: string; answer: () => void; fail: () => void }[] = [];
  const save = (value: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ value, answer: () => resolve(value), fail: () => reject(new Error('down')) });
    });
  return { calls, save };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createDraftSaver', () => {
  it('saves the first change at once', () => {
    const { calls, save } = manualSave();
    const saver = createDraftSaver(save);
    saver.push('a');
    expect(calls.map((call) => call.value)).toEqual(['a']);
  });

  it('keeps one save in flight and then saves only the newest value', async () => {
    const { calls, save } = manualSave();
    const saved: string[] = [];
    const saver = createDraftSaver(save, { onSaved: (value) => saved.push(value) });
    saver.push('J');
    saver.push('Ja');
    saver.push('Jan');
    expect(calls.map((call) => call.value)).toEqual(['J']);
    calls[0]?.answer();
    await settle();
    expect(calls.map((call) => call.value)).toEqual(['J', 'Jan']);
    calls[1]?.answer();
    await settle();
    expect(saved).toEqual(['J', 'Jan']);
    expect(saver.pending()).toBe(false);
  });

  it('goes on with the newest value after a failed save', async () => {
    const { calls, save } = manualSave();
    const failures: unknown[] = [];
    const saver = createDraftSaver(save, { onFailed: (failure) => failures.push(failure) });
    saver.push('a');
    saver.push('ab');
    calls[0]?.fail();
    await settle();
    expect(failures).toHaveLength(1);
    expect(calls.map((call) => call.value)).toEqual(['a', 'ab']);
  });

  it('flush waits until the last value pushed is saved', async () => {
    const { calls, save } = manualSave();
    const saver = createDraftSaver(save);
    saver.push('a');
    saver.push('ab');
    let flushed = false;
    const flushing = saver.flush().then(() => {
      flushed = true;
    });
    calls[0]?.answer();
    await settle();
    expect(flushed).toBe(false);
    calls[1]?.answer();
    await flushing;
    expect(flushed).toBe(true);
    expect(saver.pending()).toBe(false);
  });

  it('flush with nothing to save resolves at once', async () => {
    const saver = createDraftSaver(manualSave().save);
    await expect(saver.flush()).resolves.toBeUndefined();
  });

  it('on closing, sends the waiting value without waiting for the save in flight', () => {
    const { calls, save } = manualSave();
    const saver = createDraftSaver(save);
    saver.push('a');
    saver.push('ab');
    saver.sendWaiting();
    expect(calls.map((call) => call.value)).toEqual(['a', 'ab']);
    saver.sendWaiting();
    expect(calls).toHaveLength(2);
  });
});
