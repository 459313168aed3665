/** Time as the server sees it: injected, so tests can hold it still or move it on. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
