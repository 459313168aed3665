import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { dialogClosed, selectQueueDialog } from '../queue/queueSlice';
import { AppInfoGate } from './AppInfoGate';
import { AppInfoPanel } from './AppInfoPanel';

/**
 * This workstation's details (F12, or the header's button): on the counter panel and on the
 * hall's desks alike, so every PC can show its version and send diagnostics.
 */
export function AppInfoDialog() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const dialog = useAppSelector(selectQueueDialog);
  if (dialog !== 'info') return null;
  return (
    <Dialog
      title={t('queue.dialogs.infoHeading')}
      onClose={() => dispatch(dialogClosed())}
      testId="info-dialog"
      wide
    >
      <AppInfoGate>{(info) => <AppInfoPanel info={info} />}</AppInfoGate>
    </Dialog>
  );
}
