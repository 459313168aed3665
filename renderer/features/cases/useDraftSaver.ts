import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDraftData, IpcError } from '../../../common/contract';
import { useSaveDraftMutation } from './casesApi';
import { casesErrorText } from './caseMessages';
import { createDraftSaver, type DraftSaver } from './draftSaver';

export type DraftSaveState = {
  saving: boolean;
  /** When main last stored the draft; null before the first save of this session. */
  savedAt: string | null;
  /** Why the last save failed; null once one succeeds again. */
  failed: string | null;
};

/**
 * The draft's saver: every change goes to `cases:saveDraft` at once, coalesced (one save in
 * flight, the newest value next). It outlives the form: a save still running when the form
 * closes (another draft opened, back to the queue) finishes on its own.
 */
export function useDraftSaver(draftId: string): {
  saver: DraftSaver<CaseDraftData>;
  state: DraftSaveState;
} {
  const { t } = useTranslation();
  const [save] = useSaveDraftMutation();
  const [state, setState] = useState<DraftSaveState>({
    saving: false,
    savedAt: null,
    failed: null,
  });
  const saver = useMemo(
    () =>
      createDraftSaver((data: CaseDraftData) => save({ draftId, data }).unwrap(), {
        onSaving: () => setState((before) => ({ ...before, saving: true })),
        onSaved: (answer) => setState({ saving: false, savedAt: answer.updatedAt, failed: null }),
        onFailed: (failure) =>
          setState((before) => ({
            ...before,
            saving: false,
            failed: casesErrorText(t, failure as IpcError),
          })),
      }),
    [draftId, save, t],
  );

  // Closing the window: the newest change may still wait behind a save in flight; send it now.
  useEffect(() => {
    const onClose = () => saver.sendWaiting();
    window.addEventListener('pagehide', onClose);
    window.addEventListener('beforeunload', onClose);
    return () => {
      window.removeEventListener('pagehide', onClose);
      window.removeEventListener('beforeunload', onClose);
    };
  }, [saver]);

  return { saver, state };
}
