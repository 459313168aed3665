import { BrowserWindow } from 'electron';
import {
  PrintDialogError,
  type PrintHtmlPage,
} from '../lockers/printing/transports/systemTransport';

/**
 * The `system` label printer in Electron: the label's HTML page is loaded into a hidden window
 * (no preload, no JavaScript, sandboxed: the page is only looked at) and handed to the system
 * print dialog on a page of the label's size with no margins. Resolves when the system took the
 * job; rejects with the dialog's reason (`cancelled` when the clerk closed it).
 */
export const printLabelPageInHiddenWindow: PrintHtmlPage = async (html, page) => {
  const window = new BrowserWindow({
    show: false,
    title: page.title,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    await new Promise<void>((resolve, reject) => {
      window.webContents.print(
        {
          silent: false,
          printBackground: true,
          margins: { marginType: 'none' },
          // Electron takes a custom page size in microns.
          pageSize: {
            width: Math.round(page.widthMm * 1000),
            height: Math.round(page.heightMm * 1000),
          },
        },
        (success, failureReason) => {
          if (success) resolve();
          else reject(new PrintDialogError(failureReason || 'failed'));
        },
      );
    });
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
};
