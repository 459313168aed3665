import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult, IpcError } from '../../../common/contract';
import { base64Bytes, downloadFile } from './downloadFile';
import { useSupervisorExportMutation } from './supervisorApi';
import { supervisorProblemText } from './supervisorMessages';

/**
 * The day's exports: every table as CSV, or the shift report as PDF. The desktop app saves them
 * in a folder the supervisor picks; the browser host hands them back to download here.
 */
export function ExportButtons() {
  const { t } = useTranslation();
  const [exportDay, { isLoading }] = useSupervisorExportMutation();
  const [result, setResult] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  async function run(format: 'csv' | 'pdf') {
    setResult(null);
    try {
      const answer = await exportDay({ format }).unwrap();
      setResult({ tone: 'info', text: resultText(answer) });
    } catch (failure) {
      const message = supervisorProblemText(t, failure as IpcError);
      setResult({ tone: 'error', text: t('supervisor.errors.export', { message }) });
    }
  }

  function resultText(answer: ExportResult): string {
    switch (answer.outcome) {
      case 'saved':
        return t('supervisor.export.saved', {
          folder: answer.folder,
          files: answer.fileNames.join(', '),
        });
      case 'download':
        for (const file of answer.files) {
          downloadFile({
            fileName: file.fileName,
            mimeType: file.mimeType,
            bytes: base64Bytes(file.contentBase64),
          });
        }
        return t('supervisor.export.downloaded', {
          files: answer.files.map((file) => file.fileName).join(', '),
        });
      case 'cancelled':
        return t('supervisor.export.cancelled');
    }
  }

  return (
    <div className="sv-export" role="group" aria-label={t('supervisor.export.heading')}>
      <button
        type="button"
        className="action"
        disabled={isLoading}
        onClick={() => void run('csv')}
        data-testid="sv-export-csv"
      >
        {t('supervisor.export.csv')}
      </button>
      <button
        type="button"
        className="action"
        disabled={isLoading}
        onClick={() => void run('pdf')}
        data-testid="sv-export-pdf"
      >
        {t('supervisor.export.pdf')}
      </button>
      <p
        className={result?.tone === 'error' ? 'sv-export-result error' : 'sv-export-result muted'}
        role="status"
        data-testid="sv-export-result"
      >
        {isLoading ? t('supervisor.export.working') : (result?.text ?? '')}
      </p>
    </div>
  );
}
