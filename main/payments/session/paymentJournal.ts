/**
 * The payment journal's SQL (migration 008): a row per payment, every status or prompt change
 * written with a line in `payment_status_history`, in the caller's transaction or one of its own.
 */
import type Database from 'better-sqlite3';
import type { PaymentPrompt, PaymentRecord, PaymentStatus } from '../../../common/contract';
import type { PaymentMethod } from '../../../common/contract/central/payments';

/** The contract's statuses plus `approving`: approved, the commit answer not yet delivered. */
export type JournalStatus = PaymentStatus | 'approving';

export type PaymentRow = {
  payment_id: string;
  case_id: string | null;
  method: PaymentMethod;
  amount_grosze: number;
  status: JournalStatus;
  prompt: PaymentPrompt | null;
  result_text: string | null;
  result_code: number | null;
  authorisation_code: string | null;
  masked_pan: string | null;
  trace_number: number | null;
  receipt_number: number | null;
  terminal_id: string | null;
  terminal_time: string | null;
  clerk_login: string;
  started_at: string;
  sent_at: string | null;
  finished_at: string | null;
  settled_by: string | null;
  settled_note: string | null;
  end_of_day_id: string | null;
  /**
   * The last line of the payment's history (computed, not a column): `reversing` while a
   * reversal of the approved payment is in flight. The row keeps `approved` until the terminal
   * has committed the reversal: the money stands until then.
   */
  last_step: string | null;
};

/** A payment row with its last history step (see `last_step`). */
const ROW = `p.*, (SELECT h.status FROM payment_status_history h WHERE h.payment_id = p.payment_id
  ORDER BY h.id DESC LIMIT 1) AS last_step`;

/** The history step written before a reversal (06 30) is sent, and with its result. */
export const REVERSING = 'reversing';

/** Statuses of a payment whose outcome the terminal has not settled yet. */
export const IN_FLIGHT: readonly JournalStatus[] = ['prepared', 'sent', 'in-progress', 'approving'];

export type PaymentChanges = Partial<
  Omit<
    PaymentRow,
    'payment_id' | 'case_id' | 'method' | 'amount_grosze' | 'clerk_login' | 'last_step'
  >
>;

export function insertPayment(
  db: Database.Database,
  row: Pick<
    PaymentRow,
    'payment_id' | 'case_id' | 'method' | 'amount_grosze' | 'clerk_login' | 'started_at'
  >,
): void {
  db.prepare(
    `INSERT INTO payments (payment_id, case_id, method, amount_grosze, status, clerk_login, started_at)
     VALUES (?, ?, ?, ?, 'prepared', ?, ?)`,
  ).run(
    row.payment_id,
    row.case_id,
    row.method,
    row.amount_grosze,
    row.clerk_login,
    row.started_at,
  );
  addHistory(db, row.payment_id, 'prepared', null, null, row.started_at);
}

/** Writes the changes and, when the status or prompt changed, a history line. */
export function updatePayment(
  db: Database.Database,
  paymentId: string,
  changes: PaymentChanges,
  at: string,
  note: string | null = null,
): PaymentRow {
  const before = findPayment(db, paymentId);
  if (!before) throw new Error(`payment ${paymentId} is not in the journal`);
  const columns = Object.keys(changes) as (keyof PaymentChanges)[];
  if (columns.length > 0) {
    db.prepare(
      `UPDATE payments SET ${columns.map((column) => `${column} = @${column}`).join(', ')}
       WHERE payment_id = @payment_id`,
    ).run({ ...changes, payment_id: paymentId });
  }
  const after = findPayment(db, paymentId)!;
  if (after.status !== before.status || after.prompt !== before.prompt || note !== null) {
    addHistory(db, paymentId, after.status, after.prompt, note, at);
  }
  return after;
}

/** A history line of its own: a reversal's steps, which do not change the row's status. */
export function addHistory(
  db: Database.Database,
  paymentId: string,
  status: JournalStatus | typeof REVERSING,
  prompt: PaymentPrompt | null,
  note: string | null,
  at: string,
): void {
  db.prepare(
    `INSERT INTO payment_status_history (payment_id, status, prompt, note, at) VALUES (?, ?, ?, ?, ?)`,
  ).run(paymentId, status, prompt, note, at);
}

export function findPayment(db: Database.Database, paymentId: string): PaymentRow | null {
  return (
    (db.prepare(`SELECT ${ROW} FROM payments p WHERE payment_id = ?`).get(paymentId) as
      PaymentRow | undefined) ?? null
  );
}

export function paymentsWithStatus(
  db: Database.Database,
  statuses: readonly JournalStatus[],
): PaymentRow[] {
  return db
    .prepare(
      `SELECT ${ROW} FROM payments p WHERE status IN (${statuses.map(() => '?').join(', ')})
       ORDER BY started_at, payment_id`,
    )
    .all(...statuses) as PaymentRow[];
}

export function paymentsOfCase(db: Database.Database, caseId: string): PaymentRow[] {
  return db
    .prepare(`SELECT ${ROW} FROM payments p WHERE case_id = ? ORDER BY started_at, payment_id`)
    .all(caseId) as PaymentRow[];
}

/** Whether another payment in the journal holds this terminal trace number. */
export function traceHeldByOther(
  db: Database.Database,
  traceNumber: number,
  paymentId: string,
): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM payments WHERE trace_number = ? AND payment_id <> ? LIMIT 1`)
      .get(traceNumber, paymentId) !== undefined
  );
}

/** Approved payments not yet covered by an end of day. */
export function unsettledApproved(db: Database.Database): PaymentRow[] {
  return db
    .prepare(
      `SELECT ${ROW} FROM payments p WHERE status = 'approved' AND end_of_day_id IS NULL
       ORDER BY started_at, payment_id`,
    )
    .all() as PaymentRow[];
}

/** Approved payments whose reversal is in flight (a crash, a lost link left it so). */
export function reversalsInFlight(db: Database.Database): PaymentRow[] {
  return paymentsWithStatus(db, ['approved']).filter((row) => row.last_step === REVERSING);
}

/**
 * Whether the payment's open question is a reversal: the last of its reversal steps is
 * `reversing` (written before the 06 30 left), not yet followed by `approved` or `reversed`.
 */
export function reversalPending(db: Database.Database, paymentId: string): boolean {
  const row = db
    .prepare(
      `SELECT status FROM payment_status_history
       WHERE payment_id = ? AND status IN ('${REVERSING}', 'approved', 'reversed')
       ORDER BY id DESC LIMIT 1`,
    )
    .get(paymentId) as { status: string } | undefined;
  return row?.status === REVERSING;
}

export function markEndOfDay(
  db: Database.Database,
  paymentIds: readonly string[],
  reportId: string,
): void {
  const statement = db.prepare(`UPDATE payments SET end_of_day_id = ? WHERE payment_id = ?`);
  for (const id of paymentIds) statement.run(reportId, id);
}

export function insertEndOfDayReport(
  db: Database.Database,
  report: { reportId: string; ranAt: string; clerkLogin: string; balanced: boolean },
  json: unknown,
): void {
  db.prepare(
    `INSERT INTO payment_end_of_day (report_id, ran_at, clerk_login, balanced, report)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(
    report.reportId,
    report.ranAt,
    report.clerkLogin,
    report.balanced ? 1 : 0,
    JSON.stringify(json),
  );
}

export function caseNumberOf(db: Database.Database, caseId: string | null): string | null {
  if (caseId === null) return null;
  const row = db.prepare(`SELECT case_number FROM cases WHERE case_id = ?`).get(caseId) as
    { case_number: string | null } | undefined;
  return row?.case_number ?? null;
}

export function caseFeeOf(db: Database.Database, caseId: string): number | null {
  const row = db.prepare(`SELECT fee_grosze FROM cases WHERE case_id = ?`).get(caseId) as
    { fee_grosze: number } | undefined;
  return row?.fee_grosze ?? null;
}

/** `************4242` → `**** **** **** 4242`, the form the contract and receipts use. */
export function groupMaskedPan(masked: string | null): string | null {
  if (masked === null) return null;
  const last = masked.slice(-4);
  if (!/^\d{4}$/.test(last)) return null;
  const hidden = Math.max(0, masked.length - 4);
  const stars = '*'.repeat(hidden).replace(/(.{4})/g, '$1 ');
  return `${stars}${last}`.trim();
}

export function toPaymentRecord(row: PaymentRow, caseNumber: string | null): PaymentRecord {
  const cancellable =
    (row.status === 'in-progress' || row.status === 'sent') &&
    (row.prompt === 'insert-card' || row.prompt === 'enter-blik-code');
  return {
    paymentId: row.payment_id,
    caseId: row.case_id,
    caseNumber,
    method: row.method,
    amountGrosze: row.amount_grosze,
    status:
      row.status === 'approving'
        ? 'in-progress'
        : row.status === 'approved' && row.last_step === REVERSING
          ? 'reversing'
          : row.status,
    prompt: row.prompt,
    resultText: row.result_text,
    resultCode: row.result_code,
    authorisationCode: row.authorisation_code,
    maskedPan: groupMaskedPan(row.masked_pan),
    traceNumber: row.trace_number === null ? null : String(row.trace_number),
    receiptNumber: row.receipt_number === null ? null : String(row.receipt_number),
    terminalId: row.terminal_id,
    clerkLogin: row.clerk_login,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    cancellable,
  };
}
