import type {
  CentralFailure,
  CentralResult,
  CentralSyncClient,
} from '../../main/sync/centralClient';
import type {
  Change,
  Mutation,
  MutationResult,
  PullResponse,
  PushResponse,
} from '../../common/contract/central/sync';

/**
 * A central server in memory, for the sync engine's unit tests: it applies each mutation id at
 * most once and answers a replay with its first answer, as the real one must; it can be made
 * unreachable, made to refuse chosen mutations, and given a feed of reference changes to pull.
 */
export function createFakeCentral() {
  const answers = new Map<string, MutationResult>();
  const applied: Mutation[] = [];
  const pushes: string[][] = [];
  const pulls: { after: string; limit: number }[] = [];
  const feed: Change[] = [];
  const state = {
    /** null: answering; otherwise every request fails with this. */
    failure: null as CentralFailure | null,
    /** A reason to refuse a mutation for good, or null to apply it. */
    refuse: (_mutation: Mutation): string | null => null,
    /** A failure for a whole batch (e.g. a 400), checked before anything is applied. */
    refuseBatch: (_mutations: readonly Mutation[]): CentralFailure | null => null,
    /** The feed id every pull answers (a test replaces the store by changing it). */
    feedId: 'fake-feed-1',
  };

  function decide(mutation: Mutation): MutationResult {
    const earlier = answers.get(mutation.id);
    if (earlier) return earlier;
    const reason = state.refuse(mutation);
    const answer: MutationResult = reason
      ? { id: mutation.id, status: 'rejected', reason }
      : { id: mutation.id, status: 'applied', result: { serverSeq: applied.length + 1 } };
    if (answer.status === 'applied') applied.push(mutation);
    answers.set(mutation.id, answer);
    return answer;
  }

  const client: CentralSyncClient = {
    async push(mutations): Promise<CentralResult<PushResponse>> {
      pushes.push(mutations.map((mutation) => mutation.id));
      if (state.failure) return { ok: false, failure: state.failure };
      const batchFailure = state.refuseBatch(mutations);
      if (batchFailure) return { ok: false, failure: batchFailure };
      return { ok: true, value: { results: mutations.map(decide) } };
    },
    async pull(query): Promise<CentralResult<PullResponse>> {
      pulls.push(query);
      if (state.failure) return { ok: false, failure: state.failure };
      const after = BigInt(query.after);
      const changes = feed.filter((change) => BigInt(change.seq) > after).slice(0, query.limit);
      const last = changes.at(-1);
      const cursor = last ? last.seq : query.after;
      const hasMore = feed.some((change) => BigInt(change.seq) > BigInt(cursor));
      return { ok: true, value: { feedId: state.feedId, changes, cursor, hasMore } };
    },
  };

  return {
    client,
    state,
    /** Mutations applied, in the order the server applied them (each id once). */
    applied,
    /** The ids of each push request, in order. */
    pushes,
    pulls,
    feed,
    goDown(message = 'connect ECONNREFUSED 127.0.0.1:8420'): void {
      state.failure = { kind: 'unreachable', status: null, message };
    },
    comeBack(): void {
      state.failure = null;
    },
  };
}

export type FakeCentral = ReturnType<typeof createFakeCentral>;
