import type { Kysely } from 'kysely';
import {
  caseRegistrationSchema,
  type CaseRegisteredResult,
  type CaseRegistration,
} from '../../common/contract/central/cases';
import type { Mutation } from '../../common/contract/central/sync';
import { formatCaseNumber } from '../../common/domain/caseNumber';
import { siteLocalTime } from '../../common/domain/siteClock';
import { liveReferenceEntitiesById } from '../reference/referenceFeed';
import type { CentralDatabase } from '../store/centralDatabase';
import { toStoreJson, toStoreTime } from '../store/storeValues';
import {
  appliedWith,
  rejectedFor,
  type ApplyOutcome,
  type MutationHandler,
} from './mutationHandler';

/** Rows per INSERT: 18 columns a row keeps a chunk far below SQLite's parameter bound. */
const CHUNK = 500;

type Item = { mutation: Mutation; payload: CaseRegistration };

/** The register a case is numbered in: one run of sequences per unit, JRWA class and year. */
type NumberKey = { unit: string; jrwa: string; year: number };

type NewCase = { item: Item; key: NumberKey; sequence: number };

const keyOf = ({ unit, jrwa, year }: NumberKey) => `${unit}\u0000${jrwa}\u0000${year}`;

const result = (caseId: string, caseNumber: string): CaseRegisteredResult => ({
  caseId,
  caseNumber,
});

/** The year of the case's number: the site's civil year when the clerk submitted it. */
export function caseYear(submittedAt: string): number {
  return Number(siteLocalTime(new Date(submittedAt)).day.slice(0, 4));
}

/**
 * Takes `count` consecutive sequences of one register and returns the first. The upsert
 * takes the register's row lock until the transaction ends, so on PostgreSQL two batches that
 * number in the same register wait for each other and never share a sequence; SQLite has one
 * writer anyway.
 */
async function reserveSequences(
  tx: Kysely<CentralDatabase>,
  key: NumberKey,
  count: number,
): Promise<number> {
  const row = await tx
    .insertInto('case_number_sequences')
    .values({ unit_symbol: key.unit, jrwa: key.jrwa, year: key.year, last_sequence: count })
    .onConflict((conflict) =>
      conflict.columns(['unit_symbol', 'jrwa', 'year']).doUpdateSet((eb) => ({
        last_sequence: eb(
          'case_number_sequences.last_sequence',
          '+',
          eb.ref('excluded.last_sequence'),
        ),
      })),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow();
  return Number(row.last_sequence) - count + 1;
}

/** The cases already registered under these ids: their numbers, by case id. */
async function registeredNumbers(
  tx: Kysely<CentralDatabase>,
  caseIds: readonly string[],
): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  for (let start = 0; start < caseIds.length; start += CHUNK) {
    const rows = await tx
      .selectFrom('cases')
      .select(['id', 'case_number'])
      .where('id', 'in', caseIds.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) numbers.set(row.id, row.case_number);
  }
  return numbers;
}

/**
 * Decides each item in order: a case id registered before (by another mutation, or earlier in
 * this batch) answers its number; a case type or department no longer in the reference data
 * rejects it; any other is a new case in its register, its sequence still to be given.
 */
async function classify(
  tx: Kysely<CentralDatabase>,
  items: readonly Item[],
): Promise<(ApplyOutcome | NewCase)[]> {
  const registered = await registeredNumbers(tx, [
    ...new Set(items.map((item) => item.payload.caseId)),
  ]);
  const caseTypes = await liveReferenceEntitiesById(
    tx,
    'caseType',
    items.map((item) => item.payload.caseTypeId),
  );
  const departments = await liveReferenceEntitiesById(
    tx,
    'department',
    [...caseTypes.values()].map((caseType) => caseType.departmentId),
  );

  const newCases = new Map<string, NewCase>();
  const outcomes = items.map((item): ApplyOutcome | NewCase => {
    const { caseId, caseTypeId } = item.payload;
    const number = registered.get(caseId);
    if (number !== undefined) return appliedWith(result(caseId, number));
    const earlier = newCases.get(caseId);
    if (earlier) return earlier;
    const caseType = caseTypes.get(caseTypeId);
    if (!caseType) {
      return rejectedFor(
        `The case type "${caseTypeId}" is unknown or was deleted from the reference data; the case was not registered.`,
      );
    }
    const department = departments.get(caseType.departmentId);
    if (!department) {
      return rejectedFor(
        `The department "${caseType.departmentId}" of case type "${caseTypeId}" is unknown or was deleted, so the case has no unit symbol to be numbered under; the case was not registered.`,
      );
    }
    const key = {
      unit: department.unitSymbol,
      jrwa: caseType.jrwa,
      year: caseYear(item.payload.submittedAt),
    };
    const newCase = { item, key, sequence: 0 };
    newCases.set(caseId, newCase);
    return newCase;
  });
  return outcomes;
}

/**
 * Gives the new cases their sequences, in the batch's order within each register. The
 * registers are locked in one order (sorted by key), so two batches that both number in two
 * registers cannot deadlock on PostgreSQL.
 */
async function assignSequences(
  tx: Kysely<CentralDatabase>,
  newCases: readonly NewCase[],
): Promise<void> {
  const byKey = new Map<string, NewCase[]>();
  for (const newCase of newCases) {
    const key = keyOf(newCase.key);
    const group = byKey.get(key);
    if (group) group.push(newCase);
    else byKey.set(key, [newCase]);
  }
  for (const key of [...byKey.keys()].sort()) {
    const group = byKey.get(key) ?? [];
    const [first] = group;
    if (!first) continue;
    const firstSequence = await reserveSequences(tx, first.key, group.length);
    group.forEach((newCase, index) => {
      newCase.sequence = firstSequence + index;
    });
  }
}

function caseNumberOf({ key, sequence }: NewCase): string {
  return formatCaseNumber({ ...key, sequence });
}

/**
 * `case.register`: a case a clerk registered at a counter. The server numbers it
 * (`unit.JRWA.sequence.year`, one run per unit, class and year) and keeps it in the register.
 * A case exists once per case id: a replay of the mutation answers its stored result (the sync
 * layer), and another mutation with the same case id answers the number it already has.
 */
export const registerCase: MutationHandler<CaseRegistration> = {
  payloadSchema: caseRegistrationSchema,

  check(registration, { workstation }) {
    if (registration.siteId !== workstation.siteId) {
      return `The case is registered at site "${registration.siteId}", but this workstation belongs to site "${workstation.siteId}".`;
    }
    if (registration.clerkLogin.trim() === '') {
      return 'The case names no clerk (clerkLogin is empty).';
    }
    if ((registration.ticketId === null) !== (registration.ticketNumber === null)) {
      return 'The case names a ticket by only one of ticketId and ticketNumber; give both or neither.';
    }
    return null;
  },

  async apply(tx, items, { workstation, now }) {
    const outcomes = await classify(tx, items);
    const newCases = [
      ...new Set(outcomes.filter((outcome): outcome is NewCase => 'item' in outcome)),
    ];
    await assignSequences(tx, newCases);

    const receivedAt = toStoreTime(now);
    const rows = newCases.map((newCase) => {
      const { mutation, payload } = newCase.item;
      return {
        id: payload.caseId,
        mutation_id: mutation.id,
        workstation_id: workstation.id,
        site_id: payload.siteId,
        counter_number: payload.counterNumber,
        case_type_id: payload.caseTypeId,
        unit_symbol: newCase.key.unit,
        jrwa: newCase.key.jrwa,
        year: newCase.key.year,
        sequence: newCase.sequence,
        case_number: caseNumberOf(newCase),
        ticket_id: payload.ticketId,
        ticket_number: payload.ticketNumber,
        clerk_login: payload.clerkLogin,
        fee_grosze: payload.feeGrosze,
        registration: toStoreJson(payload),
        submitted_at: toStoreTime(new Date(payload.submittedAt)),
        received_at: receivedAt,
      };
    });
    // A plain INSERT: were the same case id registered by another batch at this moment (a PC
    // pushing one case twice at once), its key makes this batch fail whole and roll back,
    // sequences included, and the PC's retry gets the number the other batch gave.
    for (let start = 0; start < rows.length; start += CHUNK) {
      await tx
        .insertInto('cases')
        .values(rows.slice(start, start + CHUNK))
        .execute();
    }

    return outcomes.map((outcome) =>
      'item' in outcome
        ? appliedWith(result(outcome.item.payload.caseId, caseNumberOf(outcome)))
        : outcome,
    );
  },
};
