import type { ClerkSession } from '../../../common/contract';
import type { TicketChecklist } from '../../../common/contract/central/queue';
import type { CaseType, Category } from '../../../common/contract/central/reference';
import {
  applicableDocuments,
  missingDocuments,
  type ChecklistState,
} from '../../../common/domain/caseChecklist';

/**
 * The Resident Assistant's desk, without React: which case types match what the assistant types,
 * where a case type's residents queue at this building, and the checklist sent with the ticket.
 */

/** The document states the assistant ticked, by document id (none ticked: missing). */
export type DocumentStates = Readonly<Record<string, ChecklistState | undefined>>;

/** The assistant's desk, not a counter: someone with the assistant's role and not a clerk's. */
export function isAssistantOnly(session: Pick<ClerkSession, 'user'> | null | undefined): boolean {
  const roles = session?.user.roles ?? [];
  return roles.includes('assistant') && !roles.includes('clerk');
}

/** Lower case, without Polish diacritics: `dowód` is found by `dowod` and by `DOWÓD`. */
export function searchKey(text: string): string {
  return text.toLocaleLowerCase('pl').replace(/ł/g, 'l').normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The case types whose name holds every word typed (any part of a word, any order), sorted by
 * name; all of them while nothing is typed.
 */
export function matchCaseTypes(caseTypes: readonly CaseType[], query: string): CaseType[] {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  return caseTypes
    .filter((caseType) => {
      const name = searchKey(caseType.name);
      return words.every((word) => name.includes(word));
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'pl'));
}

/**
 * The queue categories of a case type at a site: the case type names its categories per site,
 * this PC's site has its own; the case type's order is kept. Several: the assistant chooses.
 */
export function categoriesAtSite(
  caseType: Pick<CaseType, 'categoryIds'>,
  categories: readonly Category[],
  siteId: string,
): Category[] {
  const atSite = new Map(
    categories.filter((category) => category.siteId === siteId).map((c) => [c.id, c]),
  );
  return caseType.categoryIds.flatMap((id) => {
    const category = atSite.get(id);
    return category ? [category] : [];
  });
}

/** What the resident still has to bring (the applicable documents not present, not waived). */
export function missingFor(
  caseType: CaseType,
  conditions: ReadonlySet<string>,
  states: DocumentStates,
): CaseType['documents'] {
  return missingDocuments(caseType.documents, conditions, states);
}

/**
 * The checklist attached to the ticket: every document of the case type with its state; an
 * applicable one nobody ticked is missing, one whose condition does not hold is not needed.
 */
export function checklistFor(
  caseType: CaseType,
  conditions: ReadonlySet<string>,
  states: DocumentStates,
): TicketChecklist {
  const applicable = new Set(applicableDocuments(caseType.documents, conditions).map((d) => d.id));
  return {
    caseTypeId: caseType.id,
    documents: caseType.documents.map((document) => ({
      documentId: document.id,
      state: applicable.has(document.id) ? (states[document.id] ?? 'missing') : 'not-needed',
    })),
  };
}
