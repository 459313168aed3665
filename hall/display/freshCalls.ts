import type { DisplayCall } from '../../common/contract/central/queue';

/**
 * The newest call the board has seen: `null` before the first answer. Call ids grow with every
 * call and recall, so a larger id is a call the hall has not been told of yet.
 */
export type SeenCalls = bigint | null;

/**
 * The calls of an answer the board has not announced yet (oldest first), and what it has seen
 * after it. The first answer only sets the mark: a board switched on mid-morning does not chime
 * for the morning's calls. Ids lower than the mark (the server's data was replaced) set the mark
 * anew, for the same reason.
 */
export function freshCalls(
  seen: SeenCalls,
  lastCalls: readonly DisplayCall[],
): { fresh: DisplayCall[]; seen: SeenCalls } {
  const withIds = lastCalls.map((call) => ({ call, id: BigInt(call.callId) }));
  const newest = withIds.reduce<bigint | null>(
    (max, { id }) => (max === null || id > max ? id : max),
    null,
  );
  if (seen === null) return { fresh: [], seen: newest ?? 0n };
  if (newest === null) return { fresh: [], seen };
  if (newest < seen) return { fresh: [], seen: newest };
  const fresh = withIds
    .filter(({ id }) => id > seen)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ call }) => call);
  return { fresh, seen: newest };
}
