import type { ReadinessEvent } from '../../common/contract';

/**
 * Lines a host prints for tests and support tools: `okienko:<kind> <json>`, one per line, so a
 * test waits for the event it needs instead of sleeping.
 */
export function machineLine(kind: 'ready' | 'listening' | 'stopped', data: object): string {
  return `okienko:${kind} ${JSON.stringify(data)}`;
}

export function readinessLine(event: ReadinessEvent): string {
  return machineLine('ready', event);
}

/** A start-up failure in one sentence a person can act on. */
export function startupFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Okienko cannot start: ${message}`;
}
