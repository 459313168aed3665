import { describe, expect, it, vi } from 'vitest';
import { defaultWorkstationConfig } from '../../common/contract';
import type { AppInfo } from '../../common/contract';
import { createIpcDispatcher } from './ipcDispatcher';
import type { ChannelHandlers, DispatchLogger } from './ipcDispatcher';
import { ServiceError } from './serviceError';
import { withStubHandlers } from '../../test/support/stubChannelHandlers';

const appInfo: AppInfo = {
  appName: 'Okienko',
  appVersion: '0.1.0',
  schemaVersion: 1,
  host: 'browser',
  dataDir: '/tmp/okienko',
  config: defaultWorkstationConfig,
  central: { mode: 'embedded', url: null, reachable: null, checkedAt: null, problem: null },
};

function setup(overrides: Partial<ChannelHandlers> = {}) {
  const handlers = {
    'app:info': vi.fn<ChannelHandlers['app:info']>(() => appInfo),
    'app:windowLoaded': vi.fn<ChannelHandlers['app:windowLoaded']>(() => ({
      recorded: true as const,
    })),
    'app:openWindow': vi.fn<ChannelHandlers['app:openWindow']>(({ window }) => ({
      opened: true,
      route: `/${window}`,
    })),
    ...overrides,
  };
  const logger = { warn: vi.fn<DispatchLogger['warn']>(), error: vi.fn<DispatchLogger['error']>() };
  return { handlers, logger, dispatch: createIpcDispatcher(withStubHandlers(handlers), logger) };
}

describe('createIpcDispatcher', () => {
  it('hands a valid call to its handler with the parsed payload and answers ok', async () => {
    const { dispatch, handlers } = setup();
    const result = await dispatch('app:openWindow', { window: 'supervisor' });
    expect(handlers['app:openWindow']).toHaveBeenCalledExactlyOnceWith({ window: 'supervisor' });
    expect(result).toEqual({ ok: true, value: { opened: true, route: '/supervisor' } });
  });

  it('accepts a handler that answers with a promise', async () => {
    const { dispatch } = setup({ 'app:info': async () => appInfo });
    expect(await dispatch('app:info', {})).toEqual({ ok: true, value: appInfo });
  });

  it('answers unknown-channel for a name the contract does not declare, and calls nothing', async () => {
    const { dispatch, handlers, logger } = setup();
    for (const channel of ['app:deleteEverything', 'toString', '__proto__', 42, undefined]) {
      const result = await dispatch(channel, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unknown-channel');
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalled();
  });

  it.each([
    ['a field of the wrong type', { window: 7 }, ['window']],
    ['a value outside the enum', { window: 'admin' }, ['window']],
    ['an unknown extra field', { window: 'counter', force: true }, ['force']],
    ['a missing field', {}, ['window']],
    ['no payload at all', undefined, ['(root)']],
  ])(
    'refuses %s as invalid-payload naming the field, without calling the handler',
    async (_case, payload, paths) => {
      const { dispatch, handlers } = setup();
      const result = await dispatch('app:openWindow', payload);
      expect(handlers['app:openWindow']).not.toHaveBeenCalled();
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-payload');
      expect(result.error.issues?.map((issue) => issue.path)).toEqual(paths);
      for (const path of paths) expect(result.error.message).toContain(path);
    },
  );

  it('names each extra field of a strict payload, in the issues and in the message', async () => {
    const { dispatch } = setup();
    const result = await dispatch('app:openWindow', { window: 'counter', force: true, x: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues?.map((issue) => issue.path)).toEqual(['force', 'x']);
      expect(result.error.message).toContain('force: Unknown field');
    }
  });

  it('passes a declared ServiceError code and its message through to the clerk', async () => {
    const { dispatch, logger } = setup({
      'app:openWindow': () => {
        throw new ServiceError(
          'forbidden-window',
          'Okno kierownika jest dostępne tylko dla kierownika.',
        );
      },
    });
    const result = await dispatch('app:openWindow', { window: 'supervisor' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'forbidden-window',
        message: 'Okno kierownika jest dostępne tylko dla kierownika.',
      },
    });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it.each([
    [
      'a ServiceError with a code the channel does not declare',
      new ServiceError('forbidden-window', 'secret detail'),
    ],
    ['a plain Error', new Error('SQLITE_CORRUPT at /home/clerk/okienko.sqlite')],
    ['a non-Error value', 'a thrown string with secret detail'],
    ['undefined', undefined],
  ])('answers internal for %s, with a generic message, and logs it', async (_case, thrown) => {
    const { dispatch, logger } = setup({
      // app:info declares no error codes of its own.
      'app:info': () => {
        throw thrown;
      },
    });
    const result = await dispatch('app:info', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).not.toMatch(/secret|SQLITE|okienko\.sqlite|\bat\b.*:\d+/);
    expect(result.error.issues).toBeUndefined();
    expect(logger.error).toHaveBeenCalledOnce();
    expect(logger.error.mock.calls[0]?.[0]).toMatchObject({ channel: 'app:info', err: thrown });
  });

  it('answers internal for a rejected promise too', async () => {
    const { dispatch, logger } = setup({ 'app:info': () => Promise.reject(new Error('boom')) });
    const result = await dispatch('app:info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('answers internal when the handler answers data that breaks the response schema', async () => {
    const { dispatch, logger } = setup({
      'app:openWindow': () =>
        ({ opened: 'yes', route: 7 }) as unknown as { opened: boolean; route: string },
    });
    const result = await dispatch('app:openWindow', { window: 'counter' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('never rejects, whatever the handler throws', async () => {
    const { dispatch } = setup({
      'app:info': () => {
        throw { not: 'an error' };
      },
      'app:windowLoaded': () => {
        throw null;
      },
    });
    await expect(dispatch('app:info', {})).resolves.toMatchObject({ ok: false });
    await expect(dispatch('app:windowLoaded', { window: 'counter' })).resolves.toMatchObject({
      ok: false,
    });
  });
});
