import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { WindowKind } from '../../common/contract';
import { APP_ORIGIN } from './appProtocol';

const windowSizes: Record<WindowKind, { width: number; height: number }> = {
  counter: { width: 1280, height: 800 },
  supervisor: { width: 1600, height: 960 },
};

/**
 * One window of each kind: asking again brings the open one to the front. Every window is
 * sandboxed, context-isolated and without Node; its only door to main is the preload's
 * `window.clerk`.
 */
export function createWindowManager(preloadFile: string) {
  const open = new Map<WindowKind, BrowserWindow>();

  function show(kind: WindowKind): BrowserWindow {
    const existing = open.get(kind);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return existing;
    }
    const window = new BrowserWindow({
      ...windowSizes[kind],
      title: 'Okienko',
      show: false,
      autoHideMenuBar: true,
      webPreferences: {
        preload: path.resolve(preloadFile),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        spellcheck: false,
      },
    });
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => open.delete(kind));
    open.set(kind, window);
    void window.loadURL(`${APP_ORIGIN}/index.html#/${kind}`);
    return window;
  }

  return { show };
}
