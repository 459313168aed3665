import { printerLabelGeometry } from '../../../../common/contract/workstationConfig';
import { PrintFailure } from '../printFailure';
import type { PrinterTransport } from './printerTransport';

/**
 * Prints one HTML page (a label as `renderLockerLabelHtml` makes it) through the system print
 * dialog, on a page of the label's size. The Electron shell provides it (a hidden window,
 * main/electron/systemLabelPrinter.ts); it rejects with `cancelled` when the clerk closes the
 * dialog without printing, or with the system's reason.
 */
export type PrintHtmlPage = (
  html: string,
  page: { widthMm: number; heightMm: number; title: string },
) => Promise<void>;

export class PrintDialogError extends Error {
  override readonly name = 'PrintDialogError';
  readonly reason: string;
  constructor(reason: string) {
    super(`The print dialog did not print: ${reason}`);
    this.reason = reason;
  }
}

/**
 * The `system` printer: an ordinary printer, for a desk with no label printer. A dialog the clerk
 * cancelled, or a printer the system refused, needs the clerk: the job waits as `failed` for a
 * retry (or a cancel), it is not retried on its own (a dialog popping up again and again).
 */
export function createSystemPrintTransport(printPage: PrintHtmlPage): PrinterTransport<'system'> {
  return {
    kind: 'system',
    async send(printer, bytes, job) {
      const geometry = printerLabelGeometry(printer);
      try {
        await printPage(new TextDecoder().decode(bytes), {
          widthMm: geometry.widthMm,
          heightMm: geometry.heightMm,
          title: job?.depositId ? `Etykieta ${job.depositId}` : 'Etykieta',
        });
      } catch (error) {
        const reason = error instanceof PrintDialogError ? error.reason : String(error);
        throw new PrintFailure('printer-rejected', `print dialog (${reason})`, false, error);
      }
    },
  };
}
