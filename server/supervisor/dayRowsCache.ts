import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../store/centralDatabase';
import {
  emptyFold,
  foldJournal,
  readJournalRows,
  readTicketRows,
  readTicketsById,
  ticketFact,
  type DayRows,
  type JournalFold,
  type JournalRow,
} from './dayRows';
import type { TicketFact } from './stats/ticketFacts';

/** Read everything again this often, whatever happened: a bound on any drift. */
export const FULL_RELOAD_MS = 60_000;
/**
 * Journal ids read again on each refresh: on PostgreSQL a transaction that took a lower id may
 * commit after a higher one was read. Rows already folded are known by id and not counted twice.
 */
export const JOURNAL_OVERLAP = 200;
const ID_BATCH = 500;

type SiteDay = {
  day: string;
  loadedAt: number;
  facts: Map<string, TicketFact>;
  fold: JournalFold;
  /** Journal ids folded since the last full read. */
  folded: Set<number>;
  /** The highest journal id seen. */
  head: number;
};

/**
 * The day's rows of each site, kept between refreshes: after the first read, a refresh reads
 * only the journal rows past the last one seen (an index range) and the tickets they name (by
 * key) — every change to a ticket is journaled with it — instead of the whole day. Everything
 * is read again every FULL_RELOAD_MS, and on a new day.
 */
export function createDayRowsCache(db: Kysely<CentralDatabase>) {
  const sites = new Map<string, SiteDay>();
  const inFlight = new Map<string, Promise<DayRows>>();

  async function fullRead(siteId: string, day: string, now: number): Promise<SiteDay> {
    const [ticketRows, journalRows, head] = await Promise.all([
      readTicketRows(db, siteId, day),
      readJournalRows(db, siteId, day, null),
      db
        .selectFrom('queue_journal')
        .select((eb) => eb.fn.max('id').as('head'))
        .where('site_id', '=', siteId)
        .where('day', '=', day)
        .executeTakeFirst(),
    ]);
    const fold = emptyFold();
    foldJournal(fold, journalRows);
    return {
      day,
      loadedAt: now,
      facts: new Map(ticketRows.map((row) => [row.id, ticketFact(row, fold)])),
      fold,
      folded: new Set(journalRows.map((row) => Number(row.id))),
      head: Number(head?.head ?? 0),
    };
  }

  async function catchUp(siteId: string, state: SiteDay): Promise<void> {
    const rows = await readJournalRows(
      db,
      siteId,
      state.day,
      Math.max(0, state.head - JOURNAL_OVERLAP),
    );
    if (rows.length === 0) return;
    const fresh: JournalRow[] = [];
    const touched = new Set<string>();
    for (const row of rows) {
      const id = Number(row.id);
      if (row.ticket_id !== null) touched.add(row.ticket_id);
      state.head = Math.max(state.head, id);
      if (state.folded.has(id)) continue;
      state.folded.add(id);
      fresh.push(row);
    }
    foldJournal(state.fold, fresh);
    const ids = [...touched];
    for (let from = 0; from < ids.length; from += ID_BATCH) {
      for (const row of await readTicketsById(db, ids.slice(from, from + ID_BATCH))) {
        state.facts.set(row.id, ticketFact(row, state.fold));
      }
    }
  }

  async function read(siteId: string, day: string, now: number): Promise<DayRows> {
    let state = sites.get(siteId);
    if (!state || state.day !== day || now - state.loadedAt >= FULL_RELOAD_MS) {
      state = await fullRead(siteId, day, now);
      sites.set(siteId, state);
    } else {
      await catchUp(siteId, state);
    }
    return { tickets: [...state.facts.values()], events: [...state.fold.events] };
  }

  return {
    /** The day's rows of a site now; concurrent callers share one read. */
    rows(siteId: string, day: string, now: number): Promise<DayRows> {
      const key = `${siteId}#${day}`;
      const running = inFlight.get(key);
      if (running) return running;
      const reading = read(siteId, day, now).finally(() => inFlight.delete(key));
      inFlight.set(key, reading);
      return reading;
    },
  };
}

export type DayRowsCache = ReturnType<typeof createDayRowsCache>;
