import { applicableDocuments, type ChecklistDocument } from './caseChecklist';

/** One line of a case's fee, as the form lists it. */
export type CaseFeeLine =
  | { kind: 'case'; grosze: number; exemptionId: string | null }
  | { kind: 'document'; documentId: string; name: string; grosze: number };

export type CaseFee = { lines: CaseFeeLine[]; totalGrosze: number };

export type CaseFeeInput = {
  caseType: {
    feeGrosze: number;
    documents: readonly ChecklistDocument[];
    exemptions: readonly { id: string }[];
  };
  /** The conditions that hold for this case (e.g. someone acts for the applicant). */
  conditions: ReadonlySet<string> | readonly string[];
  /** An exemption of the case type the applicant has shown the grounds for; null: none. */
  exemptionId: string | null;
};

/**
 * The fee a case costs, in grosze: the case type's fee (nothing when an exemption of the case
 * type applies: the exemption covers the case's own duty) plus the fee of each applicable
 * document that carries one (the stamp duty on a power of attorney is due on the document,
 * not the case, so an exemption from the case's fee does not waive it). An exemption id the
 * case type does not list is a caller's bug and throws.
 */
export function computeCaseFee({ caseType, conditions, exemptionId }: CaseFeeInput): CaseFee {
  if (exemptionId !== null && !caseType.exemptions.some((e) => e.id === exemptionId)) {
    throw new RangeError(`The case type has no exemption "${exemptionId}".`);
  }
  const lines: CaseFeeLine[] = [];
  if (caseType.feeGrosze > 0) {
    lines.push({ kind: 'case', grosze: exemptionId ? 0 : caseType.feeGrosze, exemptionId });
  }
  for (const document of applicableDocuments(caseType.documents, conditions)) {
    if (document.feeGrosze > 0) {
      lines.push({
        kind: 'document',
        documentId: document.id,
        name: document.name,
        grosze: document.feeGrosze,
      });
    }
  }
  return { lines, totalGrosze: lines.reduce((sum, line) => sum + line.grosze, 0) };
}
