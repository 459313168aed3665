import type { Kysely } from 'kysely';
import {
  callingRulesSchema,
  DEFAULT_CALLING_RULES,
  type CallingRules,
  type CallingRulesResponse,
} from '../../common/contract/central/queue';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreJson, fromStoreTime, toStoreJson, toStoreTime } from '../store/storeValues';
import type { QueueReference } from './queueReference';
import { refuse } from './queueRefusal';

/** A site's calling rules as stored (checked on the way out), or the defaults. */
export async function readCallingRules(
  db: Kysely<CentralDatabase>,
  siteId: string,
): Promise<CallingRulesResponse> {
  const row = await db
    .selectFrom('queue_rules')
    .selectAll()
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  if (!row) return { siteId, rules: DEFAULT_CALLING_RULES, updatedAt: null, updatedBy: null };
  return {
    siteId,
    rules: callingRulesSchema.parse(fromStoreJson(row.rules)),
    updatedAt: fromStoreTime(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** Rules that name a category of another site (or none) would never apply: refused with paths. */
export function checkRulesAgainstSite(
  reference: QueueReference,
  siteId: string,
  rules: CallingRules,
): void {
  const issues = rules.longWait.flatMap((rule, index) => {
    const category = reference.categories.get(rule.categoryId);
    return category?.siteId === siteId
      ? []
      : [
          {
            path: `longWait[${index}].categoryId`,
            message: `"${rule.categoryId}" is not a category of site "${siteId}"`,
          },
        ];
  });
  if (issues.length > 0) {
    refuse('invalid-rules', 'The calling rules name categories this site does not have.', issues);
  }
}

export async function writeCallingRules(
  db: Kysely<CentralDatabase>,
  siteId: string,
  rules: CallingRules,
  actor: string,
  now: Date,
): Promise<void> {
  const values = {
    site_id: siteId,
    rules: toStoreJson(callingRulesSchema.parse(rules)),
    updated_at: toStoreTime(now),
    updated_by: actor,
  };
  await db
    .insertInto('queue_rules')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('site_id').doUpdateSet({
        rules: values.rules,
        updated_at: values.updated_at,
        updated_by: values.updated_by,
      }),
    )
    .execute();
}
