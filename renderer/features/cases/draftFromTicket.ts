import type { CaseDraftInput } from '../../../common/contract';
import type { CaseType } from '../../../common/contract/central/reference';
import type { Ticket } from '../../../common/contract/central/queue';
import { REPRESENTATIVE_CONDITION_ID } from '../../../common/domain/caseChecklist';

/**
 * A new draft for the ticket being served. When the Resident Assistant checked the resident's
 * documents (`ticket.checklist`), its case type and the state of each document come along, so
 * the clerk does not ask again. A conditional document the assistant marked means its condition
 * held: it is ticked (for the power of attorney: someone acts for the applicant). With the
 * case type not (yet) in the cache, the checklist is taken as it is.
 */
export function draftFromTicket(
  ticket: Pick<Ticket, 'id' | 'number' | 'checklist'>,
  caseTypes: readonly CaseType[],
): CaseDraftInput {
  const draft: CaseDraftInput = { ticket: { ticketId: ticket.id, number: ticket.number } };
  const checklist = ticket.checklist;
  if (!checklist) return draft;

  draft.caseTypeId = checklist.caseTypeId;
  const caseType = caseTypes.find((candidate) => candidate.id === checklist.caseTypeId);
  const documents: Record<string, (typeof checklist.documents)[number]['state']> = {};
  const conditions = new Set<string>();
  for (const { documentId, state } of checklist.documents) {
    if (!caseType) {
      documents[documentId] = state;
      continue;
    }
    const document = caseType.documents.find((candidate) => candidate.id === documentId);
    if (!document) continue;
    documents[documentId] = state;
    if (document.condition) conditions.add(document.condition.id);
  }
  draft.documents = documents;
  if (conditions.delete(REPRESENTATIVE_CONDITION_ID)) draft.representative = { acting: true };
  draft.conditions = [...conditions];
  return draft;
}
