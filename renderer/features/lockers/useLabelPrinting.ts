import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowPrint } from '../../../common/contract';
import type { DepositId } from '../../../common/contract/lockerLabel';
import type { PrintBatch } from './batchProgress';
import { usePrintLabelsMutation } from './labelsApi';
import { asIpcError, lockersErrorText } from './lockerMessages';

/**
 * Printing labels from the desk, one or a batch: the batch whose progress the desk shows, the
 * labels the window must print itself (when the printer is the system dialog and main cannot
 * reach it), and why a print was refused. `print` answers whether the labels were queued.
 */
export function useLabelPrinting() {
  const { t } = useTranslation();
  const [printLabels, { isLoading: printing }] = usePrintLabelsMutation();
  const [batch, setBatch] = useState<PrintBatch | null>(null);
  const [windowPrint, setWindowPrint] = useState<WindowPrint | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const print = useCallback(
    async (depositIds: DepositId[], reprint: boolean): Promise<boolean> => {
      if (depositIds.length === 0) return false;
      setFailure(null);
      try {
        const result = await printLabels({ depositIds, reprint }).unwrap();
        setBatch({ batchId: result.batchId, total: result.jobs.length || depositIds.length });
        if (result.windowPrint) setWindowPrint(result.windowPrint);
        return true;
      } catch (error) {
        setFailure(lockersErrorText(t, asIpcError(error)));
        return false;
      }
    },
    [printLabels, t],
  );

  const windowPrinted = useCallback(() => setWindowPrint(null), []);

  return { print, printing, batch, failure, windowPrint, windowPrinted };
}
