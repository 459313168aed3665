import { manualVisitSchema, type ManualVisit } from '../../common/contract/central/sync';
import { toStoreTime } from '../store/storeValues';
import { appliedWith, type MutationHandler } from './mutationHandler';

/** Rows per INSERT: 11 columns a row keeps a full batch far below SQLite's parameter bound. */
const CHUNK = 500;

/**
 * `visit.recordManual`: a visit a clerk served while the central server was unreachable
 * (the resident's paper ticket). Kept under the mutation's id, so it exists once however
 * often the PC pushes it.
 */
export const recordManualVisit: MutationHandler<ManualVisit> = {
  payloadSchema: manualVisitSchema,

  check(visit, { workstation }) {
    if (visit.siteId !== workstation.siteId) {
      return `The visit is at site "${visit.siteId}", but this workstation belongs to site "${workstation.siteId}".`;
    }
    if (Date.parse(visit.finishedAt) < Date.parse(visit.startedAt)) {
      return 'The visit finishes before it starts (finishedAt is earlier than startedAt).';
    }
    return null;
  },

  async apply(tx, items, { workstation, now }) {
    const rows = items.map(({ mutation, payload }) => ({
      id: mutation.id,
      workstation_id: workstation.id,
      site_id: payload.siteId,
      counter_number: payload.counterNumber,
      ticket_number: payload.ticketNumber,
      started_at: toStoreTime(new Date(payload.startedAt)),
      finished_at: toStoreTime(new Date(payload.finishedAt)),
      clerk_login: payload.clerkLogin,
      note: payload.note,
      created_at: toStoreTime(new Date(mutation.createdAt)),
      received_at: toStoreTime(now),
    }));
    for (let start = 0; start < rows.length; start += CHUNK) {
      await tx
        .insertInto('manual_visits')
        .values(rows.slice(start, start + CHUNK))
        .execute();
    }
    return items.map(({ mutation }) => appliedWith({ visitId: mutation.id }));
  },
};
