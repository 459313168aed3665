import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * Card and BLIK payments as the counter PCs report them (`payment.record`, `payment.endOfDay`,
 * docs/sync-api.md). One row per payment with its latest outcome and every outcome it had;
 * one row per end-of-day settlement a counter ran, totals and differences as JSON.
 */
export const payments: CentralMigration = {
  name: '007_payments',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);

    await strictOnSqlite(
      db.schema
        .createTable('payments')
        /** The payment's id, made by the counter PC before the terminal was asked. */
        .addColumn('payment_id', 'text', (column) => column.primaryKey())
        .addColumn('case_id', 'text')
        // Whether the case was in the register when the payment first arrived; the money is kept
        // either way (the case may come later), and readers join `cases` for the state now.
        .addColumn('case_unknown_on_receipt', type.flag, (column) => column.notNull())
        .addColumn('workstation_id', 'text', (column) => column.notNull())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('counter_number', 'integer', (column) => column.notNull())
        .addColumn('clerk_login', 'text', (column) => column.notNull())
        .addColumn('method', 'text', (column) => column.notNull())
        .addColumn('amount_grosze', 'integer', (column) => column.notNull())
        /** approved, reversed or refunded: the outcome with the latest `at`. */
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('outcome_at', type.time, (column) => column.notNull())
        /** The mutation that set `outcome`. */
        .addColumn('outcome_mutation_id', 'text', (column) => column.notNull())
        .addColumn('terminal_id', 'text')
        .addColumn('trace_number', 'text')
        .addColumn('receipt_number', 'text')
        .addColumn('authorisation_code', 'text')
        .addColumn('masked_pan', 'text')
        /** When it was first taken (its earliest outcome), and that instant's site day. */
        .addColumn('taken_at', type.time, (column) => column.notNull())
        .addColumn('site_day', 'text', (column) => column.notNull())
        /** Every outcome received, ordered by `at`: `[{ mutationId, outcome, at, receivedAt }]`. */
        .addColumn('history', type.json, (column) => column.notNull())
        .addColumn('received_at', type.time, (column) => column.notNull())
        .addColumn('updated_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('payments_site_day')
      .on('payments')
      .columns(['site_id', 'site_day'])
      .execute();
    await db.schema.createIndex('payments_case').on('payments').column('case_id').execute();

    await strictOnSqlite(
      db.schema
        .createTable('end_of_day_reports')
        .addColumn('report_id', 'text', (column) => column.primaryKey())
        .addColumn('mutation_id', 'text', (column) => column.notNull().unique())
        .addColumn('workstation_id', 'text', (column) => column.notNull())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('counter_number', 'integer', (column) => column.notNull())
        .addColumn('clerk_login', 'text', (column) => column.notNull())
        .addColumn('terminal_id', 'text')
        .addColumn('ran_at', type.time, (column) => column.notNull())
        .addColumn('site_day', 'text', (column) => column.notNull())
        .addColumn('terminal_totals', type.json, (column) => column.notNull())
        .addColumn('journal_totals', type.json, (column) => column.notNull())
        .addColumn('differences', type.json, (column) => column.notNull())
        .addColumn('balanced', type.flag, (column) => column.notNull())
        .addColumn('received_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('end_of_day_reports_site_day')
      .on('end_of_day_reports')
      .columns(['site_id', 'site_day', 'counter_number'])
      .execute();
  },
};
