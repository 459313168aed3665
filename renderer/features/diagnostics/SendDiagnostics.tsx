import { useTranslation } from 'react-i18next';
import { useLazyDiagnosticsPreviewQuery, useSendDiagnosticsMutation } from './diagnosticsApi';
import { formatSize } from './formatSize';

/**
 * "Send diagnostics" in the F12 info panel: for the clerk IT asks to press it. Shows what goes
 * (on request), then the receipt's reference or why it failed (the app keeps the zip then).
 */
export function SendDiagnostics() {
  const { t, i18n } = useTranslation();
  const [loadPreview, preview] = useLazyDiagnosticsPreviewQuery();
  const [send, sending] = useSendDiagnosticsMutation();
  const size = (bytes: number) => formatSize(bytes, i18n.language);
  return (
    <section aria-labelledby="diagnostics-heading" data-testid="diagnostics">
      <h3 id="diagnostics-heading">{t('diagnostics.heading')}</h3>
      <p>{t('diagnostics.hint')}</p>
      <div className="actions">
        <button type="button" data-testid="diagnostics-preview" onClick={() => void loadPreview()}>
          {t('diagnostics.preview')}
        </button>
        <button
          type="button"
          data-testid="diagnostics-send"
          disabled={sending.isLoading}
          onClick={() => void send()}
        >
          {sending.isLoading ? t('diagnostics.sending') : t('diagnostics.send')}
        </button>
      </div>
      {preview.data && (
        <div data-testid="diagnostics-preview-list">
          <ul>
            {preview.data.parts.map((part) => (
              <li key={part.name}>
                {part.name} ({t(`diagnostics.kinds.${part.kind}`)}, {size(part.sizeBytes)})
              </li>
            ))}
          </ul>
          <p>
            {t('diagnostics.previewTotal', {
              size: size(preview.data.totalBytes),
              destination: preview.data.destination ?? t('diagnostics.noDestination'),
            })}
          </p>
        </div>
      )}
      <p role="status" aria-live="polite" data-testid="diagnostics-result">
        {sending.data && !sending.isLoading
          ? t('diagnostics.sent', { id: sending.data.id, size: size(sending.data.sizeBytes) })
          : null}
        {sending.error && !sending.isLoading
          ? t('diagnostics.failed', {
              message: 'message' in sending.error ? sending.error.message : '',
            })
          : null}
      </p>
    </section>
  );
}
