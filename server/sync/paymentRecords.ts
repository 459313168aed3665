import type { Kysely } from 'kysely';
import {
  paymentRecordMutationSchema,
  type PaymentRecordMutation,
} from '../../common/contract/central/payments';
import { siteLocalTime } from '../../common/domain/siteClock';
import type { CentralDatabase } from '../store/centralDatabase';
import type { StoreDialect } from '../store/storeConfig';
import {
  fromStoreFlag,
  fromStoreJson,
  toStoreFlag,
  toStoreJson,
  toStoreTime,
} from '../store/storeValues';
import {
  appliedWith,
  rejectedFor,
  type ApplyOutcome,
  type MutationHandler,
} from './mutationHandler';

/** Ids per `IN (…)`: far below SQLite's parameter bound. */
const CHUNK = 500;

type Outcome = PaymentRecordMutation['outcome'];

/** One outcome as kept in `payments.history`. */
export type PaymentOutcomeEntry = {
  mutationId: string;
  outcome: Outcome;
  at: string;
  clerkLogin: string;
  receivedAt: string;
};

/** A payment's row as this handler builds it, before it is written. */
type PaymentState = {
  isNew: boolean;
  paymentId: string;
  caseId: string | null;
  caseUnknownOnReceipt: boolean;
  siteId: string;
  counterNumber: number;
  clerkLogin: string;
  method: PaymentRecordMutation['method'];
  amountGrosze: number;
  terminalId: string | null;
  traceNumber: string | null;
  receiptNumber: string | null;
  authorisationCode: string | null;
  maskedPan: string | null;
  history: PaymentOutcomeEntry[];
};

/**
 * Two outcomes at the same instant: the later in a payment's life wins (a reversal sent with the
 * approval's own time still cancels it).
 */
const OUTCOME_ORDER: Record<Outcome, number> = { approved: 0, reversed: 1, refunded: 2 };

const byTime = (x: PaymentOutcomeEntry, y: PaymentOutcomeEntry): number =>
  Date.parse(x.at) - Date.parse(y.at) || OUTCOME_ORDER[x.outcome] - OUTCOME_ORDER[y.outcome];

const latest = (history: readonly PaymentOutcomeEntry[]): PaymentOutcomeEntry => {
  const last = history.at(-1);
  if (!last) throw new Error('A payment without an outcome');
  return last;
};

/**
 * The payments already stored under these ids. On PostgreSQL their rows stay locked until the
 * batch commits, so two batches reporting the same payment at once cannot lose an outcome.
 */
async function storedPayments(
  tx: Kysely<CentralDatabase>,
  paymentIds: readonly string[],
  dialect: StoreDialect | undefined,
): Promise<Map<string, PaymentState>> {
  const found = new Map<string, PaymentState>();
  // Locked in id order, so two batches cannot deadlock on each other's payments.
  const sorted = [...paymentIds].sort();
  for (let start = 0; start < sorted.length; start += CHUNK) {
    const query = tx
      .selectFrom('payments')
      .selectAll()
      .where('payment_id', 'in', sorted.slice(start, start + CHUNK));
    const rows = await (dialect === 'postgres' ? query.forUpdate() : query).execute();
    for (const row of rows) {
      found.set(row.payment_id, {
        isNew: false,
        paymentId: row.payment_id,
        caseId: row.case_id,
        caseUnknownOnReceipt: fromStoreFlag(row.case_unknown_on_receipt),
        siteId: row.site_id,
        counterNumber: row.counter_number,
        clerkLogin: row.clerk_login,
        method: row.method,
        amountGrosze: Number(row.amount_grosze),
        terminalId: row.terminal_id,
        traceNumber: row.trace_number,
        receiptNumber: row.receipt_number,
        authorisationCode: row.authorisation_code,
        maskedPan: row.masked_pan,
        history: fromStoreJson(row.history) as PaymentOutcomeEntry[],
      });
    }
  }
  return found;
}

async function knownCaseIds(
  tx: Kysely<CentralDatabase>,
  caseIds: readonly string[],
): Promise<Set<string>> {
  const known = new Set<string>();
  for (let start = 0; start < caseIds.length; start += CHUNK) {
    const rows = await tx
      .selectFrom('cases')
      .select('id')
      .where('id', 'in', caseIds.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) known.add(row.id);
  }
  return known;
}

/** Why a later report of a payment cannot be the same payment, or null when it can. */
function conflictWith(state: PaymentState, payload: PaymentRecordMutation): string | null {
  const differs = (field: string, was: unknown, now: unknown) =>
    `The payment ${payload.paymentId} was reported before with ${field} ${JSON.stringify(was)}, now with ${JSON.stringify(now)}; a payment keeps its ${field}.`;
  if (state.siteId !== payload.siteId) return differs('siteId', state.siteId, payload.siteId);
  if (state.caseId !== payload.caseId) return differs('caseId', state.caseId, payload.caseId);
  if (state.method !== payload.method) return differs('method', state.method, payload.method);
  if (state.amountGrosze !== payload.amountGrosze) {
    return differs('amountGrosze', state.amountGrosze, payload.amountGrosze);
  }
  return null;
}

const resultOf = (state: PaymentState) => ({
  paymentId: state.paymentId,
  outcome: latest(state.history).outcome,
  caseKnown: state.caseId !== null && !state.caseUnknownOnReceipt,
});

function rowOf(state: PaymentState, workstationId: string, now: string) {
  const current = latest(state.history);
  const takenAt = state.history[0]?.at ?? current.at;
  return {
    payment_id: state.paymentId,
    case_id: state.caseId,
    case_unknown_on_receipt: toStoreFlag(state.caseUnknownOnReceipt),
    workstation_id: workstationId,
    site_id: state.siteId,
    counter_number: state.counterNumber,
    clerk_login: state.clerkLogin,
    method: state.method,
    amount_grosze: state.amountGrosze,
    outcome: current.outcome,
    outcome_at: toStoreTime(new Date(current.at)),
    outcome_mutation_id: current.mutationId,
    terminal_id: state.terminalId,
    trace_number: state.traceNumber,
    receipt_number: state.receiptNumber,
    authorisation_code: state.authorisationCode,
    masked_pan: state.maskedPan,
    taken_at: toStoreTime(new Date(takenAt)),
    site_day: siteLocalTime(new Date(takenAt)).day,
    history: toStoreJson(state.history),
    received_at: now,
    updated_at: now,
  };
}

/**
 * `payment.record`: a payment the terminal approved, or its later reversal or refund. One row
 * per payment id holds the outcome with the latest `at` (reports may arrive out of order) and
 * every outcome received. A payment for a case the register does not know yet is kept all the
 * same, flagged: the case may come later in the batch or in another one, and money taken is
 * never dropped. A replay of a mutation answers its stored result (the sync layer).
 */
export const recordPayment: MutationHandler<PaymentRecordMutation> = {
  payloadSchema: paymentRecordMutationSchema,

  check(payment, { workstation }) {
    if (payment.siteId !== workstation.siteId) {
      return `The payment was taken at site "${payment.siteId}", but this workstation belongs to site "${workstation.siteId}".`;
    }
    if (payment.method === 'blik' && payment.maskedPan !== null) {
      return 'A BLIK payment has no card number, but maskedPan is given.';
    }
    return null;
  },

  async apply(tx, items, context) {
    const { workstation, now } = context;
    // The sync layer hands its store's dialect along (pushMutations' applyNew).
    const dialect = 'dialect' in context ? (context.dialect as StoreDialect) : undefined;
    const states = await storedPayments(
      tx,
      [...new Set(items.map((item) => item.payload.paymentId))],
      dialect,
    );
    const caseIds = items.flatMap((item) => (item.payload.caseId ? [item.payload.caseId] : []));
    const known = await knownCaseIds(tx, [...new Set(caseIds)]);
    const receivedAt = toStoreTime(now);
    const touched = new Set<PaymentState>();

    const outcomes = items.map(({ mutation, payload }): ApplyOutcome => {
      const entry: PaymentOutcomeEntry = {
        mutationId: mutation.id,
        outcome: payload.outcome,
        at: payload.at,
        clerkLogin: payload.clerkLogin,
        receivedAt,
      };
      const state = states.get(payload.paymentId);
      if (!state) {
        const created: PaymentState = {
          isNew: true,
          paymentId: payload.paymentId,
          caseId: payload.caseId,
          caseUnknownOnReceipt: payload.caseId !== null && !known.has(payload.caseId),
          siteId: payload.siteId,
          counterNumber: payload.counterNumber,
          clerkLogin: payload.clerkLogin,
          method: payload.method,
          amountGrosze: payload.amountGrosze,
          terminalId: payload.terminalId,
          traceNumber: payload.traceNumber,
          receiptNumber: payload.receiptNumber,
          authorisationCode: payload.authorisationCode,
          maskedPan: payload.maskedPan,
          history: [entry],
        };
        states.set(payload.paymentId, created);
        touched.add(created);
        return appliedWith(resultOf(created));
      }
      const conflict = conflictWith(state, payload);
      if (conflict) return rejectedFor(conflict);
      if (!state.history.some((earlier) => earlier.mutationId === mutation.id)) {
        state.history = [...state.history, entry].sort(byTime);
      }
      // The terminal's references of the approval stay; a reversal may add what was missing.
      state.terminalId ??= payload.terminalId;
      state.traceNumber ??= payload.traceNumber;
      state.receiptNumber ??= payload.receiptNumber;
      state.authorisationCode ??= payload.authorisationCode;
      state.maskedPan ??= payload.maskedPan;
      touched.add(state);
      return appliedWith(resultOf(state));
    });

    for (const state of touched) {
      const row = rowOf(state, workstation.id, receivedAt);
      if (state.isNew) {
        await tx.insertInto('payments').values(row).execute();
      } else {
        const {
          payment_id: paymentId,
          received_at: _received,
          workstation_id: _ws,
          ...changes
        } = row;
        await tx.updateTable('payments').set(changes).where('payment_id', '=', paymentId).execute();
      }
    }
    return outcomes;
  },
};
