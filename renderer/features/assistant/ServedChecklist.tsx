import { useTranslation } from 'react-i18next';
import type { TicketChecklist } from '../../../common/contract/central/queue';
import { useReferenceList } from '../reference/referenceApi';
import './servedChecklist.css';

/**
 * What the Resident Assistant checked for the ticket at the counter: the case type, each
 * document and its state, the missing ones first and marked, so the clerk knows before asking.
 * A case type or document no longer in the reference data shows by its id.
 */
export function ServedChecklist(props: { checklist: TicketChecklist }) {
  const { t } = useTranslation();
  const caseTypes = useReferenceList('caseType');
  const caseType = caseTypes?.find((c) => c.id === props.checklist.caseTypeId);
  const nameOf = (documentId: string) =>
    caseType?.documents.find((d) => d.id === documentId)?.name ?? documentId;
  const rank = { missing: 0, present: 1, 'not-needed': 2 } as const;
  const documents = [...props.checklist.documents].sort((a, b) => rank[a.state] - rank[b.state]);
  const missing = documents.filter((d) => d.state === 'missing').length;
  return (
    <section
      className="served-checklist"
      aria-labelledby="served-checklist-heading"
      data-testid="served-checklist"
    >
      <h3 id="served-checklist-heading">{t('assistant.served.heading')}</h3>
      <p data-testid="served-checklist-case-type">
        {t('assistant.served.caseType', { name: caseType?.name ?? props.checklist.caseTypeId })}
      </p>
      <p
        className={missing > 0 ? 'served-checklist-missing' : 'muted'}
        data-testid="served-checklist-summary"
      >
        {missing > 0
          ? t('assistant.served.missingCount', { count: missing })
          : t('assistant.served.complete')}
      </p>
      <ul>
        {documents.map((document) => (
          <li
            key={document.documentId}
            className={document.state === 'missing' ? 'served-checklist-missing' : undefined}
            data-testid={`served-checklist-${document.documentId}`}
            data-state={document.state}
          >
            {nameOf(document.documentId)}:{' '}
            <span className="served-checklist-state">
              {t(`assistant.served.states.${document.state}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
