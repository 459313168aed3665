/**
 * A percentile of a set of values by linear interpolation between the closest ranks (the
 * "inclusive" method of spreadsheets, PERCENTILE.INC): the median of 1, 2, 3, 4 is 2.5 and their
 * 90th percentile is 3.7. `sorted` must be in ascending order; null for an empty set.
 */
export function percentileOfSorted(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, fraction));
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = sorted[below]!;
  const high = sorted[above]!;
  return low + (high - low) * (rank - below);
}

export function sortedAscending(values: readonly number[]): number[] {
  // A typed array sorts numerically, and fast (50,000 waits in a day).
  return Array.from(Float64Array.from(values).sort());
}

/** Minutes with one decimal, as the overview shows them. */
export function roundMinutes(minutes: number): number {
  return Math.round(minutes * 10) / 10;
}

export type DurationSummary = {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
};

/** Median and 90th percentile of durations given in milliseconds, in minutes. */
export function summarizeDurations(durationsMs: readonly number[]): DurationSummary {
  const sorted = sortedAscending(durationsMs);
  const median = percentileOfSorted(sorted, 0.5);
  const p90 = percentileOfSorted(sorted, 0.9);
  return {
    count: sorted.length,
    medianMinutes: median === null ? null : roundMinutes(median / 60_000),
    p90Minutes: p90 === null ? null : roundMinutes(p90 / 60_000),
  };
}
