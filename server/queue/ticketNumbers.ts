import type { Category } from '../../common/contract/central/reference';
import type { QueueTx } from './queueTransaction';

/** Numbers have at most four digits (`B9999`). */
const LAST_NUMBER_OF_A_DAY = 9999;

/**
 * Takes the next number of a category's day, or null when the day's numbers are gone: the
 * daily cap when `withinCap` (the kiosk, the assistant), else the four digits' end (a walk-in,
 * an appointment: they have their place already). One conditional upsert: on PostgreSQL it
 * locks the day's row until commit, so two kiosks never get the same number; a refused upsert
 * changes nothing.
 */
export async function takeTicketNumber(
  tx: QueueTx,
  category: Category,
  day: string,
  withinCap: boolean,
): Promise<number | null> {
  const limit =
    withinCap && category.dailyCap !== null
      ? Math.min(category.dailyCap, LAST_NUMBER_OF_A_DAY)
      : LAST_NUMBER_OF_A_DAY;
  const row = await tx
    .insertInto('queue_numbers')
    .values({ category_id: category.id, day, site_id: category.siteId, last_number: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['category_id', 'day'])
        .doUpdateSet((eb) => ({ last_number: eb('queue_numbers.last_number', '+', 1) }))
        .where('queue_numbers.last_number', '<', limit),
    )
    .returning('last_number')
    .executeTakeFirst();
  return row ? Number(row.last_number) : null;
}

/** How many numbers a category has given today. */
export async function numbersGiven(tx: QueueTx, categoryId: string, day: string): Promise<number> {
  const row = await tx
    .selectFrom('queue_numbers')
    .select('last_number')
    .where('category_id', '=', categoryId)
    .where('day', '=', day)
    .executeTakeFirst();
  return row ? Number(row.last_number) : 0;
}
