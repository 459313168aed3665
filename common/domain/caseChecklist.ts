/**
 * The documents checklist of a case type: which required documents apply to a case (a
 * conditional one only while its condition holds) and which of them the resident lacks.
 * Shared by the Resident Assistant's desk, the counter's case form and the central server.
 */

export type ChecklistState = 'present' | 'missing' | 'not-needed';

/** The part of a required document the checklist needs (the reference data has more). */
export type ChecklistDocument = {
  id: string;
  name: string;
  whereToGet: string;
  condition: { id: string; label: string } | null;
  feeGrosze: number;
};

/**
 * The condition that holds whenever someone acts for the applicant (the reference data names
 * its power-of-attorney document's condition so): the case form sets it from the
 * representative section, so the clerk does not tick the same fact twice.
 */
export const REPRESENTATIVE_CONDITION_ID = 'pelnomocnik';

/** The conditions a case type's documents depend on, once each, in the order they appear. */
export function checklistConditions(
  documents: readonly ChecklistDocument[],
): { id: string; label: string }[] {
  const seen = new Map<string, { id: string; label: string }>();
  for (const document of documents) {
    if (document.condition && !seen.has(document.condition.id)) {
      seen.set(document.condition.id, document.condition);
    }
  }
  return [...seen.values()];
}

/** The documents that apply: every unconditional one, and the conditional ones whose condition holds. */
export function applicableDocuments<D extends ChecklistDocument>(
  documents: readonly D[],
  conditions: ReadonlySet<string> | readonly string[],
): D[] {
  const holds = conditions instanceof Set ? conditions : new Set(conditions);
  return documents.filter((document) => !document.condition || holds.has(document.condition.id));
}

/**
 * The applicable documents not marked present or not-needed: what the resident still has to
 * bring. A document nobody has ticked yet counts as missing, so the list errs on the safe side.
 */
export function missingDocuments<D extends ChecklistDocument>(
  documents: readonly D[],
  conditions: ReadonlySet<string> | readonly string[],
  states: Readonly<Record<string, ChecklistState | undefined>>,
): D[] {
  return applicableDocuments(documents, conditions).filter((document) => {
    const state = states[document.id];
    return state !== 'present' && state !== 'not-needed';
  });
}
