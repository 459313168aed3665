import type { ClerkApi } from '../../common/contract';

declare global {
  interface Window {
    /** The one API to main, from the Electron preload or the browser host's bridge. */
    readonly clerk: ClerkApi;
  }
}
