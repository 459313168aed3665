/**
 * Whether a client can resume after `afterId` and get everything it missed. It cannot when
 * retention has deleted events after its id, or when its id was never issued by this store (the
 * store was replaced or restored from a backup). Either way the client must pull in full; the
 * message tells it so. Read the bounds after reading the first events to replay: retention that
 * commits in between then shows up here, so a hole is never passed off as a complete replay.
 */
export function resumeProblem(
  afterId: bigint,
  bounds: { newestId: bigint | null; prunedThroughId: bigint },
): string | null {
  if (afterId < bounds.prunedThroughId) {
    return `Events after id ${afterId} were deleted by retention: pull in full, then reconnect without after.`;
  }
  if (afterId > (bounds.newestId ?? 0n)) {
    return `This server never issued event id ${afterId}: pull in full, then reconnect without after.`;
  }
  return null;
}
