export type WithinTargetShare = {
  targetMinutes: number;
  within: number;
  of: number;
  share: number | null;
};

/**
 * How many of the waits (milliseconds) were at most the target: the share the city promises
 * ("residents served within 20 minutes"). A wait of exactly the target counts as within.
 */
export function withinTargetShare(
  waitsMs: readonly number[],
  targetMinutes: number,
): WithinTargetShare {
  const limit = targetMinutes * 60_000;
  let within = 0;
  for (const wait of waitsMs) if (wait <= limit) within += 1;
  return {
    targetMinutes,
    within,
    of: waitsMs.length,
    share: waitsMs.length === 0 ? null : Math.round((within / waitsMs.length) * 1000) / 1000,
  };
}
