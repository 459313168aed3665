import {
  endOfDayReportSchema,
  type EndOfDayReport,
  type MethodTotals,
} from '../../common/contract/central/payments';
import { siteLocalTime } from '../../common/domain/siteClock';
import { toStoreFlag, toStoreJson, toStoreTime } from '../store/storeValues';
import { appliedWith, type MutationHandler } from './mutationHandler';

const CHUNK = 500;

const repeatedMethod = (totals: readonly MethodTotals[]): string | null => {
  const seen = new Set<string>();
  for (const { method } of totals) {
    if (seen.has(method)) return method;
    seen.add(method);
  }
  return null;
};

/**
 * `payment.endOfDay`: the terminal's end-of-day totals beside the counter's journal, per method,
 * with the differences found transaction by transaction. Kept once per report id: a report
 * queued twice under two mutations answers the first.
 */
export const recordEndOfDayReport: MutationHandler<EndOfDayReport> = {
  payloadSchema: endOfDayReportSchema,

  check(report, { workstation }) {
    if (report.siteId !== workstation.siteId) {
      return `The end of day was run at site "${report.siteId}", but this workstation belongs to site "${workstation.siteId}".`;
    }
    const repeated = repeatedMethod(report.terminal) ?? repeatedMethod(report.journal);
    if (repeated) return `The report lists the totals of method "${repeated}" twice.`;
    if (report.balanced && report.differences.length > 0) {
      return 'The report says it balanced, yet lists differences.';
    }
    return null;
  },

  async apply(tx, items, { workstation, now }) {
    const reportIds = [...new Set(items.map((item) => item.payload.reportId))];
    const stored = new Set<string>();
    for (let start = 0; start < reportIds.length; start += CHUNK) {
      const rows = await tx
        .selectFrom('end_of_day_reports')
        .select('report_id')
        .where('report_id', 'in', reportIds.slice(start, start + CHUNK))
        .execute();
      for (const row of rows) stored.add(row.report_id);
    }
    const receivedAt = toStoreTime(now);
    const rows = [];
    for (const { mutation, payload } of items) {
      if (stored.has(payload.reportId)) continue;
      stored.add(payload.reportId);
      rows.push({
        report_id: payload.reportId,
        mutation_id: mutation.id,
        workstation_id: workstation.id,
        site_id: payload.siteId,
        counter_number: payload.counterNumber,
        clerk_login: payload.clerkLogin,
        terminal_id: payload.terminalId,
        ran_at: toStoreTime(new Date(payload.ranAt)),
        site_day: siteLocalTime(new Date(payload.ranAt)).day,
        terminal_totals: toStoreJson(payload.terminal),
        journal_totals: toStoreJson(payload.journal),
        differences: toStoreJson(payload.differences),
        balanced: toStoreFlag(payload.balanced),
        received_at: receivedAt,
      });
    }
    for (let start = 0; start < rows.length; start += CHUNK) {
      await tx
        .insertInto('end_of_day_reports')
        .values(rows.slice(start, start + CHUNK))
        .execute();
    }
    return items.map(({ payload }) =>
      appliedWith({ reportId: payload.reportId, balanced: payload.balanced }),
    );
  },
};
