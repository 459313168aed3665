import type Database from 'better-sqlite3';
import type { CaseSummary } from '../../common/contract';
import { maskPesel } from '../../common/domain/pesel';
import type { CaseRow } from './caseQueries';
import { foldName } from './nameKey';

/** Past every character a prefix can be followed by: `col < prefix || END` closes the range. */
const END = '\uffff';

export const SEARCH_LIMIT_MAX = 50;

/** The search's statements, prepared once per database: the search runs on every keystroke. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(db: Database.Database, sql: string): Database.Statement {
  let forDb = statements.get(db);
  if (!forDb) statements.set(db, (forDb = new Map()));
  let statement = forDb.get(sql);
  if (!statement) forDb.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** Which index a query goes to, and the prefix it looks for there. */
export type CaseSearchPlan =
  | { by: 'pesel'; prefix: string }
  | { by: 'number'; prefix: string }
  | { by: 'name'; prefix: string }
  | { by: 'nothing' };

/**
 * Reads what the clerk typed: digits are the start of a PESEL; anything with a dot is the start
 * of a case number (`km.5410.1` → `KM.5410.1`: the unit symbol is upper case in every number);
 * anything else the start of `lastname firstname`, folded (`zolc` finds `Żółć`). Spaces around
 * digits are ignored (`850 101` as read off an ID card).
 */
export function planCaseSearch(query: string): CaseSearchPlan {
  const trimmed = query.trim();
  if (trimmed === '') return { by: 'nothing' };
  const digits = trimmed.replace(/\s+/g, '');
  if (/^\d+$/.test(digits)) return { by: 'pesel', prefix: digits };
  if (trimmed.includes('.')) {
    const compact = trimmed.replace(/\s+/g, '');
    const firstDot = compact.indexOf('.');
    return {
      by: 'number',
      prefix: compact.slice(0, firstDot).toUpperCase() + compact.slice(firstDot),
    };
  }
  const name = foldName(trimmed);
  return name === '' ? { by: 'nothing' } : { by: 'name', prefix: name };
}

const COLUMN = { pesel: 'pesel', number: 'case_number', name: 'name_key' } as const;
const INDEX = {
  pesel: 'cases_by_pesel',
  number: 'cases_by_number',
  name: 'cases_by_name',
} as const;

/**
 * How many matches make a prefix "common". Below it, the matches are read on the column's index
 * and sorted (at most this many rows); from it on, the cases are read newest first and the
 * first matches kept, which stops early because matches are frequent (a first PESEL digit or a
 * common surname matches tens of thousands of cases: sorting them all would take a keystroke's
 * whole budget).
 */
export const COMMON_PREFIX_MATCHES = 2000;

export type CaseSearchRoute = 'prefix-index' | 'newest-first';

/**
 * The SQL of a planned search: a range on the column's index (`>= prefix AND < prefix||END`,
 * which SQLite turns into an index range scan; LIKE would not use it with the default
 * collation), newest first. `route` picks how: see COMMON_PREFIX_MATCHES.
 */
export function caseSearchStatement(
  plan: Exclude<CaseSearchPlan, { by: 'nothing' }>,
  limit: number,
  route: CaseSearchRoute = 'prefix-index',
): { sql: string; params: [string, string, number] } {
  const column = COLUMN[plan.by];
  const source =
    route === 'prefix-index'
      ? `cases INDEXED BY ${INDEX[plan.by]}`
      : 'cases INDEXED BY cases_by_submitted';
  return {
    sql: `SELECT case_id, case_number, status, case_type_id, applicant_name, pesel, submitted_at
          FROM ${source}
          WHERE ${column} >= ? AND ${column} < ?
          ORDER BY submitted_at DESC, case_id DESC
          LIMIT ?`,
    params: [plan.prefix, plan.prefix + END, Math.min(Math.max(limit, 1), SEARCH_LIMIT_MAX)],
  };
}

/** Counts the matches up to COMMON_PREFIX_MATCHES, on the column's index alone (cheap). */
function countStatement(plan: Exclude<CaseSearchPlan, { by: 'nothing' }>): string {
  const column = COLUMN[plan.by];
  return `SELECT count(*) FROM (
            SELECT 1 FROM cases INDEXED BY ${INDEX[plan.by]}
            WHERE ${column} >= ? AND ${column} < ? LIMIT ${COMMON_PREFIX_MATCHES})`;
}

/** Which way a search goes for this plan, on this data. */
export function caseSearchRoute(
  db: Database.Database,
  plan: Exclude<CaseSearchPlan, { by: 'nothing' }>,
): CaseSearchRoute {
  const matches = prepared(db, countStatement(plan))
    .pluck()
    .get(plan.prefix, plan.prefix + END) as number;
  return matches < COMMON_PREFIX_MATCHES ? 'prefix-index' : 'newest-first';
}

type SearchRow = Pick<
  CaseRow,
  | 'case_id'
  | 'case_number'
  | 'status'
  | 'case_type_id'
  | 'applicant_name'
  | 'pesel'
  | 'submitted_at'
>;

/** The cached cases that match what the clerk typed, newest first, PESELs masked. */
export function searchCases(db: Database.Database, query: string, limit: number): CaseSummary[] {
  const plan = planCaseSearch(query);
  if (plan.by === 'nothing') return [];
  const { sql, params } = caseSearchStatement(plan, limit, caseSearchRoute(db, plan));
  const rows = prepared(db, sql).all(...params) as SearchRow[];
  return rows.map((row) => ({
    caseId: row.case_id,
    caseNumber: row.case_number,
    status: row.status,
    caseTypeId: row.case_type_id,
    applicantName: row.applicant_name,
    peselMasked: row.pesel === null ? null : maskPesel(row.pesel),
    submittedAt: row.submitted_at,
  }));
}
