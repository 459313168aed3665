import type { ReadinessEvent, ReadinessStep } from '../../common/contract';
import type { Clock } from './clock';
import type { EventHub } from './eventHub';

/**
 * Start-up steps that tests (and a support person) wait for instead of sleeping: each is
 * published to the windows and handed to the host, which prints it as an `okienko:ready` line.
 */
export function createReadiness(
  hub: EventHub,
  clock: Clock,
  report: (event: ReadinessEvent) => void,
) {
  const reached: ReadinessEvent[] = [];
  return {
    mark(step: ReadinessStep, detail?: string): void {
      const event: ReadinessEvent = {
        step,
        at: clock.now().toISOString(),
        ...(detail ? { detail } : {}),
      };
      reached.push(event);
      report(event);
      hub.publish('app:readiness', event);
    },
    reached(): readonly ReadinessEvent[] {
      return reached;
    },
  };
}

export type Readiness = ReturnType<typeof createReadiness>;
