import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createClerkApi } from './clerkApi';

// The Electron preload: runs sandboxed with contextIsolation, and hands the page exactly one
// object, `window.clerk`. No ipcRenderer, no Node: each call goes to the contract channel of the
// same name, where main checks the sender and parses the payload again.
const clerk = createClerkApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
});

contextBridge.exposeInMainWorld('clerk', clerk);
