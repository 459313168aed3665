import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  canTransition,
  caseMarkReadySchema,
  LOCKER_PICKUP_DAYS,
  lockerDepositMutationSchema,
  lockerTransitionMutationSchema,
  type CaseMarkReady,
  type CaseMarkedReadyResult,
  type LockerDepositMutation,
  type LockerDepositResult,
  type LockerTransitionMutation,
} from '../../common/contract/central/lockers';
import type { Mutation } from '../../common/contract/central/sync';
import { depositRefusal, lastPickupDayFor } from '../../common/domain/lockerDeposits';
import {
  findActiveDepositOfCase,
  findDeposit,
  findRegisteredCase,
  withCaseReadiness,
  type HistoryEntry,
  type StoredDeposit,
} from '../lockers/lockerStore';
import { generatePickupCode, hashPickupCode } from '../lockers/pickupCode';
import { pickupChannelOf, pickupMessage } from '../lockers/pickupMessage';
import { enqueueNotification } from '../notifications/notificationOutbox';
import { liveReferenceEntitiesById } from '../reference/referenceFeed';
import type { CentralDatabase } from '../store/centralDatabase';
import { toStoreJson, toStoreTime } from '../store/storeValues';
import {
  appliedWith,
  rejectedFor,
  type ApplyOutcome,
  type MutationContext,
  type MutationHandler,
} from './mutationHandler';

/**
 * The urzędomat's mutations (docs/lockers.md, docs/sync-api.md). Each item is applied on its
 * own, in order: a run is short (one desk's changes), and a later item of a run may depend on
 * an earlier one (a deposit's next state).
 */
async function applyEach<P>(
  tx: Kysely<CentralDatabase>,
  items: readonly { mutation: Mutation; payload: P }[],
  context: MutationContext,
  applyOne: (
    tx: Kysely<CentralDatabase>,
    item: { mutation: Mutation; payload: P },
    context: MutationContext,
  ) => Promise<ApplyOutcome>,
): Promise<ApplyOutcome[]> {
  const outcomes: ApplyOutcome[] = [];
  for (const item of items) outcomes.push(await applyOne(tx, item, context));
  return outcomes;
}

const depositResult = (deposit: StoredDeposit): LockerDepositResult => ({
  depositId: deposit.depositId,
  state: deposit.state,
  notifiedBy: deposit.notifiedBy,
});

/** `case.markReady`: the case's result is ready. The first time counts; a repeat answers it. */
export const markCaseReady: MutationHandler<CaseMarkReady> = {
  payloadSchema: caseMarkReadySchema,
  check: () => null,
  apply: (tx, items, context) =>
    applyEach(tx, items, context, async (db, { payload }) => {
      const registered = await findRegisteredCase(db, payload.caseId);
      if (!registered) {
        return rejectedFor(
          `The case ${payload.caseId} is not in the register (was it registered?); it was not marked ready.`,
        );
      }
      if (registered.readyAt !== null) {
        const result: CaseMarkedReadyResult = {
          caseId: payload.caseId,
          readyAt: registered.readyAt,
        };
        return appliedWith(result);
      }
      const readyAt = new Date(payload.at).toISOString();
      await withCaseReadiness(db)
        .updateTable('cases')
        .set({ ready_at: toStoreTime(new Date(payload.at)), ready_by: payload.by })
        .where('id', '=', payload.caseId)
        .execute();
      const result: CaseMarkedReadyResult = { caseId: payload.caseId, readyAt };
      return appliedWith(result);
    }),
};

const refusalReasons = {
  'no-locker-at-site': (siteId: string) => `The site "${siteId}" has no locker.`,
  'unknown-case': () => 'The case is not in the register.',
  'not-locker-eligible': () => 'The case type does not allow pickup from the locker.',
  'not-ready': () => "The case's result is not marked ready.",
  'already-deposited': () => 'The case already has a deposit that is not picked up or returned.',
  'no-contact': () =>
    'The applicant gave neither a phone number nor an e-mail address: the pickup code cannot be sent.',
} as const;

/**
 * `locker.deposit`: the desk prepared a deposit. Only a case the law lets through the locker
 * (its case type) whose result is ready, with no other deposit under way, at a site that has a
 * locker. The same deposit sent again answers its state now.
 */
export const recordLockerDeposit: MutationHandler<LockerDepositMutation> = {
  payloadSchema: lockerDepositMutationSchema,

  check(deposit, { workstation }) {
    if (deposit.siteId !== workstation.siteId) {
      return `The deposit is at site "${deposit.siteId}", but this workstation belongs to site "${workstation.siteId}".`;
    }
    const expected = lastPickupDayFor(deposit.depositDate, LOCKER_PICKUP_DAYS);
    if (deposit.lastPickupDay !== expected) {
      return `The last day of pickup must be ${LOCKER_PICKUP_DAYS} days after the deposit date (${expected}), not ${deposit.lastPickupDay}.`;
    }
    return null;
  },

  apply: (tx, items, context) =>
    applyEach(tx, items, context, async (db, { mutation, payload }, { workstation, now }) => {
      const existing = await findDeposit(db, payload.depositId);
      if (existing) {
        return existing.caseId === payload.caseId
          ? appliedWith(depositResult(existing))
          : rejectedFor(`The deposit id ${payload.depositId} is already used for another case.`);
      }
      const site = (await liveReferenceEntitiesById(db, 'site', [payload.siteId])).get(
        payload.siteId,
      );
      const registered = await findRegisteredCase(db, payload.caseId);
      const caseType = registered
        ? (await liveReferenceEntitiesById(db, 'caseType', [registered.caseTypeId])).get(
            registered.caseTypeId,
          )
        : undefined;
      const refusal = depositRefusal({
        siteHasLocker: site?.hasLocker === true,
        caseKnown: registered !== null,
        lockerPickup: caseType?.lockerPickup === true,
        ready: registered?.readyAt != null,
        hasActiveDeposit: (await findActiveDepositOfCase(db, payload.caseId)) !== null,
        hasContact: pickupChannelOf(registered?.applicant ?? null) !== null,
      });
      if (refusal) return rejectedFor(refusalReasons[refusal](payload.siteId));

      const history: HistoryEntry[] = [
        { state: 'prepared', at: payload.at, by: payload.by, mutationId: mutation.id },
      ];
      await db
        .insertInto('locker_deposits')
        .values({
          deposit_id: payload.depositId,
          mutation_id: mutation.id,
          workstation_id: workstation.id,
          case_id: payload.caseId,
          site_id: payload.siteId,
          compartment_size: payload.compartmentSize,
          deposit_date: payload.depositDate,
          last_pickup_day: payload.lastPickupDay,
          state: 'prepared',
          state_at: toStoreTime(new Date(payload.at)),
          state_by: payload.by,
          history: toStoreJson(history),
          pickup_code_hash: null,
          pickup_code_salt: null,
          notified_by: null,
          received_at: toStoreTime(now),
          updated_at: toStoreTime(now),
        })
        .execute();
      const result: LockerDepositResult = {
        depositId: payload.depositId,
        state: 'prepared',
        notifiedBy: null,
      };
      return appliedWith(result);
    }),
};

/**
 * At `deposited`: makes the pickup code, keeps its hash, and writes the message that carries
 * it to the notification outbox, in the same transaction. Answers the channel used.
 */
async function issuePickupCode(
  db: Kysely<CentralDatabase>,
  deposit: StoredDeposit,
  now: Date,
): Promise<{ channel: 'sms' | 'email'; hash: string; salt: string } | string> {
  const registered = await findRegisteredCase(db, deposit.caseId);
  const contact = pickupChannelOf(registered?.applicant ?? null);
  if (!registered || !contact) return refusalReasons['no-contact']();
  const site = (await liveReferenceEntitiesById(db, 'site', [deposit.siteId])).get(deposit.siteId);
  const code = generatePickupCode();
  const { hash, salt } = hashPickupCode(code);
  await enqueueNotification(
    db,
    {
      id: randomUUID(),
      kind: 'locker-pickup-code',
      subjectId: deposit.depositId,
      channel: contact.channel,
      recipient: contact.recipient,
      body: pickupMessage({
        caseNumber: registered.caseNumber,
        place: site?.address ?? deposit.siteId,
        lastPickupDay: deposit.lastPickupDay,
        code,
      }),
    },
    now,
  );
  return { channel: contact.channel, hash, salt };
}

/**
 * `locker.transition`: a deposit moved on (label printed, deposited, picked up, expired,
 * returned). Only in the order the life of a deposit allows (`depositTransitions`); a move to the
 * state it is in already answers that state (a repeat), anything else is refused with why.
 */
export const transitionLockerDeposit: MutationHandler<LockerTransitionMutation> = {
  payloadSchema: lockerTransitionMutationSchema,
  check: () => null,
  apply: (tx, items, context) =>
    applyEach(tx, items, context, async (db, { mutation, payload }, { workstation, now }) => {
      const deposit = await findDeposit(db, payload.depositId);
      if (!deposit) {
        return rejectedFor(
          `The deposit ${payload.depositId} is unknown (was locker.deposit sent?).`,
        );
      }
      if (deposit.siteId !== workstation.siteId) {
        return rejectedFor(
          `The deposit ${payload.depositId} is at site "${deposit.siteId}", not at this workstation's "${workstation.siteId}".`,
        );
      }
      if (deposit.state === payload.to) return appliedWith(depositResult(deposit));
      if (!canTransition(deposit.state, payload.to)) {
        return rejectedFor(
          `The deposit ${payload.depositId} is ${deposit.state}; it cannot become ${payload.to}.`,
        );
      }
      let notifiedBy = deposit.notifiedBy;
      let code: { pickup_code_hash: string; pickup_code_salt: string } | null = null;
      if (payload.to === 'deposited') {
        const issued = await issuePickupCode(db, deposit, now);
        if (typeof issued === 'string') return rejectedFor(issued);
        notifiedBy = issued.channel;
        code = { pickup_code_hash: issued.hash, pickup_code_salt: issued.salt };
      }
      const history: HistoryEntry[] = [
        ...deposit.history,
        { state: payload.to, at: payload.at, by: payload.by, mutationId: mutation.id },
      ];
      await db
        .updateTable('locker_deposits')
        .set({
          state: payload.to,
          state_at: toStoreTime(new Date(payload.at)),
          state_by: payload.by,
          history: toStoreJson(history),
          notified_by: notifiedBy,
          updated_at: toStoreTime(now),
          ...(code ?? {}),
        })
        .where('deposit_id', '=', payload.depositId)
        .execute();
      const result: LockerDepositResult = {
        depositId: deposit.depositId,
        state: payload.to,
        notifiedBy,
      };
      return appliedWith(result);
    }),
};
