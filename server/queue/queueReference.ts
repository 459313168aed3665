import { sql, type Kysely } from 'kysely';
import type { Category, Counter, Site } from '../../common/contract/central/reference';
import { listReferenceEntities } from '../reference/referenceFeed';
import type { CentralDatabase } from '../store/centralDatabase';
import type { CentralStore } from '../store/openCentralStore';
import { fromStoreSeq } from '../store/storeValues';
import { refuse } from './queueRefusal';

/** The sites, categories and counters the queue works with, as one consistent read. */
export type QueueReference = {
  sites: ReadonlyMap<string, Site>;
  categories: ReadonlyMap<string, Category>;
  counters: ReadonlyMap<string, Counter>;
  /** The counters of a site by number. */
  counterAt(siteId: string, number: number): Counter | undefined;
  categoriesOf(siteId: string): Category[];
  countersOf(siteId: string): Counter[];
};

function snapshot(sites: Site[], categories: Category[], counters: Counter[]): QueueReference {
  const byNumber = new Map(
    counters.map((counter) => [`${counter.siteId}#${counter.number}`, counter]),
  );
  return {
    sites: new Map(sites.map((site) => [site.id, site])),
    categories: new Map(categories.map((category) => [category.id, category])),
    counters: new Map(counters.map((counter) => [counter.id, counter])),
    counterAt: (siteId, number) => byNumber.get(`${siteId}#${number}`),
    categoriesOf: (siteId) => categories.filter((category) => category.siteId === siteId),
    countersOf: (siteId) =>
      counters.filter((counter) => counter.siteId === siteId).sort((a, b) => a.number - b.number),
  };
}

async function feedHead(db: Kysely<CentralDatabase>): Promise<string> {
  const row = await db
    .selectFrom('reference_entities')
    .select((eb) => eb.fn.max('seq').as('head'))
    .executeTakeFirst();
  return row?.head == null ? '0' : fromStoreSeq(row.head);
}

/** The reference data of the queue, read once and again only when the feed has moved. */
export type QueueReferenceCache = {
  /** Asks the feed's head (one index lookup) and reloads when it moved. */
  current(): Promise<QueueReference>;
  /** The last one loaded, without asking (a counter command asks inside its transaction). */
  last(): Promise<QueueReference>;
  /** The reference at a head read in a transaction: reloaded through that transaction if moved. */
  at(db: Kysely<CentralDatabase>, head: string): Promise<QueueReference>;
};

/**
 * Caches the queue's reference data per store until the feed moves: the documents are parsed
 * again only when an administrator has changed something since, on this server process or
 * another (every write moves the feed's head).
 */
export function createQueueReferenceCache(store: CentralStore): QueueReferenceCache {
  let cached: { head: string; reference: QueueReference } | null = null;
  const loading = new Map<string, Promise<QueueReference>>();

  const load = (db: Kysely<CentralDatabase>, head: string): Promise<QueueReference> => {
    const pending = loading.get(head);
    if (pending) return pending;
    const loaded = (async () => {
      const [sites, categories, counters] = await Promise.all([
        listReferenceEntities(db, 'site'),
        listReferenceEntities(db, 'category'),
        listReferenceEntities(db, 'counter'),
      ]);
      const reference = snapshot(sites, categories, counters);
      // The head was read before the documents: a write in between only makes a later read reload.
      if (!cached || BigInt(head) >= BigInt(cached.head)) cached = { head, reference };
      return reference;
    })().finally(() => loading.delete(head));
    loading.set(head, loaded);
    return loaded;
  };

  const at = (db: Kysely<CentralDatabase>, head: string) =>
    cached?.head === head ? Promise.resolve(cached.reference) : load(db, head);
  const current = async () => at(store.db, await feedHead(store.db));
  return {
    current,
    last: () => (cached ? Promise.resolve(cached.reference) : current()),
    at,
  };
}

/** The feed's head as a scalar subquery, to read it with another statement. */
export const feedHeadSql = sql<string | number | null>`(select max(seq) from reference_entities)`;

export function siteOf(reference: QueueReference, siteId: string): Site {
  return reference.sites.get(siteId) ?? refuse('unknown-site', `There is no site "${siteId}".`);
}

export function counterOf(reference: QueueReference, counterId: string): Counter {
  return (
    reference.counters.get(counterId) ??
    refuse('unknown-counter', `There is no counter "${counterId}".`)
  );
}

/** A category of the site, or the engine's refusal naming what is there. */
export function categoryAtSite(
  reference: QueueReference,
  siteId: string,
  categoryId: string,
): Category {
  const category = reference.categories.get(categoryId);
  if (!category || category.siteId !== siteId) {
    refuse(
      'unknown-category',
      `There is no category "${categoryId}" at site "${siteId}"; its categories are ${reference
        .categoriesOf(siteId)
        .map((c) => c.id)
        .join(', ')}.`,
    );
  }
  return category as Category;
}
