import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  caseDraftDataSchema,
  validateCaseDraft,
  type CaseDraft,
  type CaseDraftInput,
  type CaseDraftSummary,
  type CaseRecord,
  type CaseSummary,
} from '../../common/contract';
import type { CaseRegistration } from '../../common/contract/central/cases';
import type { CaseType } from '../../common/contract/central/reference';
import { maskPesel } from '../../common/domain/pesel';
import type { Clock } from '../app/clock';
import { ServiceError } from '../ipc/serviceError';
import type { Outbox } from '../sync/outbox';
import { deleteDraft, findDraft, insertDraft, listDrafts, updateDraft } from './caseDraftQueries';
import { findCase, insertPendingCase, toCaseRecord } from './caseQueries';
import { searchCases } from './caseSearch';
import { displayName } from './nameKey';

export type CaseServiceOptions = {
  db: Database.Database;
  clock: Clock;
  outbox: Outbox;
  /** The case types as this PC has them cached (the reference mirror). */
  caseTypes: () => readonly CaseType[];
  /** The login of the clerk logged in now; null when nobody is. */
  clerkLogin: () => string | null;
  /** This PC's place in the city hall, from its config: the case is registered from there. */
  workstation: { siteId: string; counterNumber: number };
  newId?: () => string;
};

/**
 * The case form's side in main (docs/cases.md). A draft is the clerk's own and lives only on
 * this PC; every call writes at once, so a crash or a power cut loses nothing typed. Submit
 * decides with the same validation the form shows, then registers the case through the outbox:
 * the case, the draft's removal and the `case.register` mutation commit together, so a case is
 * never both a draft and submitted, and never submitted without the server hearing of it.
 */
export function createCaseService(options: CaseServiceOptions) {
  const { db, clock, outbox } = options;
  const newId = options.newId ?? randomUUID;

  function now(): string {
    return clock.now().toISOString();
  }

  function clerk(): string {
    const login = options.clerkLogin();
    if (login === null) throw new ServiceError('no-session', 'Nikt nie jest zalogowany.');
    return login;
  }

  function unknownDraft(): ServiceError<'unknown-draft'> {
    return new ServiceError(
      'unknown-draft',
      'Nie ma takiej wersji roboczej (została złożona lub usunięta).',
    );
  }

  function getCase(caseId: string): CaseRecord {
    const row = findCase(db, caseId);
    if (!row) throw new ServiceError('unknown-case', 'Nie ma takiej sprawy na tym stanowisku.');
    return toCaseRecord(row);
  }

  return {
    createDraft(data: CaseDraftInput): CaseDraft {
      const clerkLogin = clerk();
      const at = now();
      const id = newId();
      const parsed = caseDraftDataSchema.parse(data);
      insertDraft(db, { id, clerkLogin, data: parsed, at });
      return { draftId: id, data: parsed, createdAt: at, updatedAt: at };
    },

    saveDraft(draftId: string, data: CaseDraftInput): { draftId: string; updatedAt: string } {
      const clerkLogin = clerk();
      const at = now();
      if (
        !updateDraft(db, { id: draftId, clerkLogin, data: caseDraftDataSchema.parse(data), at })
      ) {
        throw unknownDraft();
      }
      return { draftId, updatedAt: at };
    },

    getDraft(draftId: string): CaseDraft {
      const draft = findDraft(db, draftId, clerk());
      if (!draft) throw unknownDraft();
      return draft;
    },

    listDrafts(): CaseDraftSummary[] {
      return listDrafts(db, clerk()).map(({ draftId, data, updatedAt }) => {
        const { applicant } = data;
        const pesel = applicant.identityKind === 'pesel' ? applicant.pesel.trim() : '';
        return {
          draftId,
          caseTypeId: data.caseTypeId,
          applicantName: displayName(applicant.lastName, applicant.firstName),
          peselMasked: pesel === '' ? null : maskPesel(pesel),
          ticketNumber: data.ticket?.number ?? null,
          updatedAt,
        };
      });
    },

    discardDraft(draftId: string): void {
      if (!deleteDraft(db, draftId, clerk())) throw unknownDraft();
    },

    /**
     * Registers a draft as a case. Problems: `invalid-case` with every issue at its field (the
     * draft stays as it is). Otherwise the case is `pending` (no number) until the server applies
     * its mutation; `cases:changed` tells the windows when the number arrives.
     */
    submit(draftId: string): CaseRecord {
      const clerkLogin = clerk();
      const draft = findDraft(db, draftId, clerkLogin);
      if (!draft) throw unknownDraft();
      const checked = validateCaseDraft(draft.data, options.caseTypes());
      if (!checked.ok) {
        throw new ServiceError(
          'invalid-case',
          `Sprawa ma ${checked.issues.length} ${checked.issues.length === 1 ? 'brak' : 'braki'} do uzupełnienia.`,
          checked.issues.map((issue) => ({ path: issue.path, message: issue.code })),
        );
      }
      const registration: CaseRegistration = {
        ...checked.value,
        caseId: newId(),
        siteId: options.workstation.siteId,
        counterNumber: options.workstation.counterNumber,
        clerkLogin,
        submittedAt: now(),
      };
      db.transaction(() => {
        const mutationId = outbox.enqueue({ type: 'case.register', payload: registration });
        insertPendingCase(db, registration, mutationId);
        if (!deleteDraft(db, draftId, clerkLogin)) throw unknownDraft();
      })();
      return getCase(registration.caseId);
    },

    get(caseId: string): CaseRecord {
      clerk();
      return getCase(caseId);
    },

    search(query: string, limit: number): CaseSummary[] {
      clerk();
      return searchCases(db, query, limit);
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
