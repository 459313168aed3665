import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Workstation } from '../../common/contract/central/auth';
import type { Mutation } from '../../common/contract/central/sync';
import type { CentralDatabase } from '../store/centralDatabase';

export type MutationContext = { workstation: Workstation; now: Date };

/**
 * What `apply` decided for one mutation: applied with its result, or rejected for good by a
 * rule only the store can check (the case type it names was deleted). A rejected one must
 * have written nothing.
 */
export type ApplyOutcome =
  { status: 'applied'; result: Record<string, unknown> } | { status: 'rejected'; reason: string };

export const appliedWith = (result: Record<string, unknown>): ApplyOutcome => ({
  status: 'applied',
  result,
});
export const rejectedFor = (reason: string): ApplyOutcome => ({ status: 'rejected', reason });

/**
 * How the server applies one type of mutation. The payload has passed its schema when `check`
 * and `apply` see it. A rule the payload breaks (`check`) rejects that mutation for good, with
 * the reason; `apply` writes the new mutations of a run in the batch's transaction, in order,
 * and returns each one's outcome (what a replay will answer), in the items' order.
 */
export type MutationHandler<Payload> = {
  payloadSchema: z.ZodType<Payload>;
  check(payload: Payload, context: MutationContext): string | null;
  apply(
    tx: Kysely<CentralDatabase>,
    items: readonly { mutation: Mutation; payload: Payload }[],
    context: MutationContext,
  ): Promise<ApplyOutcome[]>;
};
