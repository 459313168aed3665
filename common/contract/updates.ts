import { z } from 'zod';
import { defineChannel, defineEvent } from './defineChannel';

/**
 * Updates of the app (docs/updates.md): the central server publishes the release files, the PC
 * checks at start and daily, downloads in the background, and installs only outside service
 * hours or when the clerk agrees, never during a visit or a payment.
 */

/** What the update policy says now. */
export const updateDecisionSchema = z.enum([
  /** No newer version, or not known yet. */
  'none',
  /** A newer version exists but may not be installed now (see the reason). */
  'wait',
  /** During service hours with nothing running: installed when the clerk agrees. */
  'ask-clerk',
  /** Outside service hours, or the clerk agreed: being installed (the app restarts). */
  'install-now',
]);
export type UpdateDecision = z.infer<typeof updateDecisionSchema>;

export const updateReasonSchema = z.enum([
  'no-update',
  /** Found, not downloaded yet. */
  'downloading',
  /** This host cannot install (the browser host, or Electron run from source). */
  'not-supported',
  'payment-in-progress',
  'visit-in-progress',
  'service-hours',
  'outside-service-hours',
  'clerk-agreed',
]);
export type UpdateReason = z.infer<typeof updateReasonSchema>;

export const updateStateSchema = z.object({
  /** Whether this host installs updates itself (the packaged app) or only reports them. */
  support: z.enum(['supported', 'not-supported']),
  /** The version running now. */
  current: z.string(),
  /** The newer version the feed offers; null: none (or not checked yet). */
  available: z.string().nullable(),
  /** The version downloaded and ready to install; null: none yet. */
  downloaded: z.string().nullable(),
  decision: updateDecisionSchema,
  reason: updateReasonSchema,
  checkedAt: z.iso.datetime().nullable(),
  /** Why the last check failed (the feed did not answer), for the IT person; null: it did not. */
  problem: z.string().nullable(),
});
export type UpdateState = z.infer<typeof updateStateSchema>;

const noPayload = z.object({}).strict();

export const updatesChannels = {
  'updates:state': defineChannel({
    summary:
      'The running version, the version offered and downloaded, and what the update policy decides now.',
    request: noPayload,
    response: updateStateSchema,
  }),
  'updates:installNow': defineChannel({
    summary:
      'The clerk agrees to install the downloaded update now (the app restarts); refused during a visit or a payment.',
    request: noPayload,
    response: updateStateSchema,
    errorCodes: ['not-supported', 'not-downloaded', 'payment-in-progress', 'visit-in-progress'],
  }),
} as const;

export const updatesEvents = {
  'updates:changed': defineEvent({
    summary: 'The update state changed (found, downloaded, the decision or its reason).',
    payload: updateStateSchema,
  }),
} as const;
