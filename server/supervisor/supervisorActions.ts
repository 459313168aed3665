import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { QueueChangedEvent } from '../../common/contract/central/queue';
import type { CounterMessage, SupervisorAction } from '../../common/contract/central/supervisor';
import type { Counter } from '../../common/contract/central/reference';
import { runCounterCommand } from '../queue/counterCommand';
import { queueEvent } from '../queue/queueDeps';
import type { QueueEngine } from '../queue/queueEngine';
import { writeJournal } from '../queue/queueJournal';
import { refuse } from '../queue/queueRefusal';
import { siteLocalTime } from '../../common/domain/siteClock';
import { putReferenceEntity } from '../reference/referenceWrites';
import { toStoreTime } from '../store/storeValues';
import { recordAction } from './actionLog';
import type { SupervisorDeps } from './supervisorDeps';
import { SupervisorRefusal } from './supervisorRefusal';

/** Who acts: the supervisor's (or admin's) session. */
export type SupervisorActor = { userId: string; login: string; displayName: string };

export type SupervisorActionsDeps = SupervisorDeps & {
  engine: QueueEngine;
  log: FastifyBaseLogger;
};

/**
 * The supervisor's actions. Each one is recorded in `supervisor_actions` with who did it and is
 * announced: counter categories through the reference feed (`reference.changed`, counter PCs
 * pull it), counter state and moved tickets as `queue.changed`, messages as `counter.message`.
 */
export function createSupervisorActions(deps: SupervisorActionsDeps) {
  const day = (at: Date) => siteLocalTime(at, deps.timeZone).day;

  async function counterAtSite(siteId: string, counterId: string): Promise<Counter> {
    const reference = await deps.reference.current();
    if (!reference.sites.has(siteId)) {
      throw new SupervisorRefusal('unknown-site', `There is no site ${siteId}.`);
    }
    const counter = reference.counters.get(counterId);
    if (!counter || counter.siteId !== siteId) {
      throw new SupervisorRefusal('unknown-counter', `Site ${siteId} has no counter ${counterId}.`);
    }
    return counter;
  }

  async function announce(events: readonly QueueChangedEvent[]): Promise<void> {
    for (const event of events) {
      try {
        await deps.liveEvents.publish('queue.changed', event);
      } catch (error) {
        deps.logger.error({ err: error, change: event.change }, 'could not publish queue.changed');
      }
    }
  }

  return {
    /** The counter's categories and their order: reference data, written as an admin would. */
    async setCounterCategories(
      siteId: string,
      counterId: string,
      categoryIds: readonly string[],
      actor: SupervisorActor,
    ): Promise<SupervisorAction> {
      const counter = await counterAtSite(siteId, counterId);
      const reference = await deps.reference.current();
      for (const categoryId of categoryIds) {
        const category = reference.categories.get(categoryId);
        if (!category) {
          throw new SupervisorRefusal('unknown-category', `There is no category ${categoryId}.`);
        }
        if (category.siteId !== siteId) {
          throw new SupervisorRefusal(
            'category-of-another-site',
            `The category ${categoryId} belongs to site ${category.siteId}, not ${siteId}.`,
          );
        }
      }
      await putReferenceEntity(
        { store: deps.store, clock: deps.clock, liveEvents: deps.liveEvents, log: deps.log },
        'counter',
        counterId,
        { ...counter, categoryIds: [...categoryIds] },
      );
      const now = deps.clock.now();
      return recordAction(deps.store.db, {
        siteId,
        day: day(now),
        kind: 'counter-categories',
        actor: actor.login,
        at: now,
        counterId,
        ticketNumber: null,
        details: { from: counter.categoryIds, to: categoryIds },
      });
    },

    /**
     * Closes a counter (refused while a ticket is at it or parked by it, as for its clerk) or
     * ends its pause. A closed counter opens when a clerk logs in at it: a supervisor cannot
     * staff it from afar.
     */
    async setCounterState(
      siteId: string,
      counterId: string,
      state: 'open' | 'closed',
      actor: SupervisorActor,
    ): Promise<SupervisorAction> {
      await counterAtSite(siteId, counterId);
      let recorded: SupervisorAction | null = null;
      const outcome = await runCounterCommand(
        deps,
        {
          counterId,
          clerk: { userId: actor.userId, login: actor.login, displayName: actor.displayName },
        },
        async (scope) => {
          const { row, counter, tx, now } = scope;
          const journal = async (action: 'counter-closed' | 'counter-resumed') => {
            await writeJournal(tx, {
              siteId,
              day: scope.day,
              at: now,
              action,
              actor: actor.login,
              counter,
              details: { bySupervisor: true, clerk: row.clerk_login },
            });
            return queueEvent(siteId, action, null, counter);
          };
          const events: QueueChangedEvent[] = [];
          if (state === 'closed' && row.state !== 'closed') {
            const held = await tx
              .selectFrom('queue_tickets')
              .select(['number', 'status'])
              .where('counter_id', '=', counter.id)
              .where('status', 'in', ['called', 'parked'])
              .execute();
            if (held.length > 0) {
              refuse(
                'counter-has-ticket',
                `Counter ${counter.number} holds ${held.map((ticket) => ticket.number).join(', ')}: its clerk finishes or transfers them first.`,
              );
            }
            await scope.updateCounter({
              state: 'closed',
              pause_reason: null,
              clerk_user_id: null,
              clerk_login: null,
              clerk_display_name: null,
              since: toStoreTime(now),
            });
            events.push(await journal('counter-closed'));
          } else if (state === 'open' && row.state === 'closed') {
            throw new SupervisorRefusal(
              'counter-needs-clerk',
              `Counter ${counter.number} is closed: it opens when a clerk logs in at it.`,
            );
          } else if (state === 'open' && row.state === 'paused') {
            await scope.updateCounter({
              state: 'open',
              pause_reason: null,
              since: toStoreTime(now),
            });
            events.push(await journal('counter-resumed'));
          }
          recorded = await recordAction(tx, {
            siteId,
            day: scope.day,
            kind: state === 'closed' ? 'counter-closed' : 'counter-opened',
            actor: actor.login,
            at: now,
            counterId,
            ticketNumber: null,
            details: { previous: row.state, clerk: row.clerk_login },
          });
          return { ticket: null, events };
        },
      );
      await announce(outcome.events);
      return recorded!;
    },

    /** A waiting ticket to another category of the site, keeping its place in time. */
    async moveTicket(
      siteId: string,
      ticketId: string,
      toCategoryId: string,
      actor: SupervisorActor & { siteId: string | null },
    ): Promise<SupervisorAction> {
      const { ticket } = await deps.engine.redirect(
        { siteId, ticket: { ticketId } },
        { toCategoryId, checklist: null },
        { login: actor.login, siteId: actor.siteId },
      );
      const now = deps.clock.now();
      return recordAction(deps.store.db, {
        siteId,
        day: day(now),
        kind: 'ticket-moved',
        actor: actor.login,
        at: now,
        counterId: null,
        ticketNumber: ticket.number,
        details: { ticketId, toCategoryId },
      });
    },

    /** A short message to a counter's screen: stored, recorded, and sent as a live event. */
    async sendMessage(
      siteId: string,
      counterId: string,
      text: string,
      actor: SupervisorActor,
    ): Promise<SupervisorAction> {
      const counter = await counterAtSite(siteId, counterId);
      const now = deps.clock.now();
      const message: CounterMessage = {
        messageId: randomUUID(),
        siteId,
        counterId,
        counterNumber: counter.number,
        text,
        from: actor.displayName,
        at: now.toISOString(),
      };
      const action = await deps.store.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('counter_messages')
          .values({
            id: message.messageId,
            site_id: siteId,
            counter_id: counterId,
            counter_number: counter.number,
            text,
            sender_login: actor.login,
            sender_name: actor.displayName,
            sent_at: toStoreTime(now),
          })
          .execute();
        return recordAction(tx, {
          siteId,
          day: day(now),
          kind: 'message-sent',
          actor: actor.login,
          at: now,
          counterId,
          ticketNumber: null,
          details: { messageId: message.messageId, text },
        });
      });
      try {
        await deps.liveEvents.publish('counter.message', message);
      } catch (error) {
        deps.logger.error({ err: error, counterId }, 'could not publish counter.message');
      }
      return action;
    },
  };
}

export type SupervisorActions = ReturnType<typeof createSupervisorActions>;
