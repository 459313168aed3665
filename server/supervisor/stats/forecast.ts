export type ForecastInput = {
  now: number;
  /** Waiting tickets: when each joined the queue (the calling order) and was issued. */
  waiting: readonly { queuedAt: number; issuedAt: number }[];
  /** Counters open now (not paused). */
  openCounters: number;
  /** Minutes one visit takes now (recent median, or the default). */
  serviceMinutes: number;
  /** Today's closing time; null: closed today. */
  closesAt: number | null;
  /** Tickets issued before this instant are the ones the warning is about. */
  cutoffAt: number | null;
};

export type ForecastStatus = 'ok' | 'at-risk' | 'overrun' | 'no-counters' | 'closed' | 'empty';

export type ForecastResult = {
  status: ForecastStatus;
  emptyAt: number | null;
  marginMinutes: number | null;
  atRiskTickets: number;
};

/**
 * When the queue will be empty with the counters open now, and who may not be served before
 * closing. The site is one pool: the open counters call the waiting tickets in the order they
 * joined, each visit taking `serviceMinutes`, so the k-th ticket (from 0) is called after
 * floor(k / counters) rounds. A ticket counts as served in time when it is called by closing.
 */
export function forecastQueue(input: ForecastInput): ForecastResult {
  const { now, openCounters, serviceMinutes, closesAt, cutoffAt } = input;
  const waiting = [...input.waiting].sort((a, b) => a.queuedAt - b.queuedAt);
  const beforeCutoff = (ticket: { issuedAt: number }) =>
    cutoffAt !== null && ticket.issuedAt < cutoffAt;

  if (closesAt === null || (now >= closesAt && waiting.length === 0)) {
    return { status: 'closed', emptyAt: null, marginMinutes: null, atRiskTickets: 0 };
  }
  if (waiting.length === 0) {
    return { status: 'empty', emptyAt: null, marginMinutes: null, atRiskTickets: 0 };
  }
  if (openCounters <= 0) {
    return {
      status: 'no-counters',
      emptyAt: null,
      marginMinutes: null,
      atRiskTickets: waiting.filter(beforeCutoff).length,
    };
  }
  const round = serviceMinutes * 60_000;
  let atRisk = 0;
  let emptyAt = now;
  waiting.forEach((ticket, place) => {
    const calledAt = now + Math.floor(place / openCounters) * round;
    emptyAt = calledAt;
    if (calledAt > closesAt && beforeCutoff(ticket)) atRisk += 1;
  });
  const marginMinutes = Math.floor((closesAt - emptyAt) / 60_000);
  return {
    status: atRisk > 0 ? 'at-risk' : emptyAt > closesAt ? 'overrun' : 'ok',
    emptyAt,
    marginMinutes,
    atRiskTickets: atRisk,
  };
}
