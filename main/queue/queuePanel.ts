import type {
  CallingRules,
  CounterState,
  QueueOverview,
} from '../../common/contract/central/queue';
import type {
  ManualVisitInProgress,
  PanelCategory,
  PanelCounter,
  PanelRules,
  QueueLink,
  QueuePanel,
} from '../../common/contract';

/** How many no-shows the panel offers to bring back. */
const NO_SHOWS_SHOWN = 10;

export type PanelSources = {
  siteId: string;
  counterNumber: number;
  link: QueueLink;
  problem: string | null;
  problemCode: string | null;
  now: Date;
  updatedAt: string | null;
  counter: CounterState | null;
  overview: QueueOverview | null;
  rules: CallingRules | null;
  manualVisit: ManualVisitInProgress | null;
};

/**
 * The counter panel from what the engine answered: the site's overview narrowed to the
 * categories this counter serves (in its order), numbers only, and the rules that decide what
 * the panel offers.
 */
export function buildQueuePanel(sources: PanelSources): QueuePanel {
  const { counter, overview } = sources;
  const served = counter?.categoryIds ?? [];
  const byId = new Map(overview?.categories.map((category) => [category.categoryId, category]));
  const categories: PanelCategory[] = served.flatMap((categoryId) => {
    const category = byId.get(categoryId);
    if (!category) return [];
    return [
      {
        categoryId,
        prefix: category.prefix,
        name: category.name,
        waiting: category.waiting,
        waitingPriority: category.waitingPriority,
        longestWaitMinutes: category.longestWaitMinutes,
        estimatedWaitMinutes: category.estimatedWaitMinutes,
        next: category.next.map((ticket) => ({
          ticketId: ticket.ticketId,
          number: ticket.number,
          priority: ticket.priority,
          appointment: ticket.appointment,
          queuedAt: ticket.queuedAt,
          targetCounterId: ticket.targetCounterId,
        })),
      },
    ];
  });
  const servedSet = new Set(served);
  const counters: PanelCounter[] = (overview?.counters ?? [])
    .filter((other) => other.counterId !== counter?.counterId)
    .map((other) => ({
      counterId: other.counterId,
      number: other.number,
      name: other.name,
      state: other.state,
      categoryIds: other.categoryIds,
    }))
    .sort((a, b) => a.number - b.number);
  return {
    siteId: sources.siteId,
    counterNumber: sources.counterNumber,
    link: sources.link,
    problem: sources.problem,
    problemCode: sources.problemCode,
    now: sources.now.toISOString(),
    updatedAt: sources.updatedAt,
    counter,
    categories,
    nextAppointments: (overview?.nextAppointments ?? []).filter((appointment) =>
      servedSet.has(appointment.categoryId),
    ),
    counters,
    noShows: (overview?.noShows ?? []).slice(0, NO_SHOWS_SHOWN),
    rules: sources.rules ? panelRules(sources.rules) : null,
    manualVisit: sources.manualVisit,
  };
}

function panelRules(rules: CallingRules): PanelRules {
  return {
    noShowMinRecalls: rules.noShow.minRecalls,
    noShowMinMinutes: rules.noShow.minMinutes,
    requiredFinishFields: rules.requiredFinishFields,
    allowCallOutOfOrder: rules.allowCallOutOfOrder,
  };
}
