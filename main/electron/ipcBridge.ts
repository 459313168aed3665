import { BrowserWindow, ipcMain } from 'electron';
import { channelNames } from '../../common/contract';
import type { EventHub } from '../app/eventHub';
import type { IpcDispatch } from '../ipc/ipcDispatcher';
import type { Logger } from '../logging/logger';
import { isTrustedSender } from './security';

/**
 * One ipcMain handler per contract channel (there is no generic pipe): each checks the sender,
 * then hands the untrusted payload to the dispatcher, which parses it. Events go to every window.
 */
export function connectIpc(dispatch: IpcDispatch, hub: EventHub, logger: Logger): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        logger.warn(
          { channel, url: event.senderFrame?.url },
          'IPC from an untrusted sender refused',
        );
        return {
          ok: false,
          error: { code: 'forbidden-sender', message: 'This page may not call the app.' },
        };
      }
      return dispatch(channel, payload);
    });
  }
  const unsubscribe = hub.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
