import type { UpdateDecision, UpdateReason } from '../../common/contract/updates';
import { serviceHoursOn } from '../../common/domain/timetable';
import type { SiteSchedule } from '../../common/domain/timetableSchema';
import { minutesOfDay } from '../../common/domain/timeOfDay';
import { siteLocalTime } from '../../common/domain/siteClock';

/**
 * Service hours count from this long before opening to this long after closing: clerks come
 * in before the doors open, and finish the last visits and the day's end after they close.
 */
export const SERVICE_MARGIN_MINUTES = 30;

export type UpdatePolicyInput = {
  /** What the updater has: nothing newer, a newer version found (downloading), or downloaded. */
  update: 'none' | 'available' | 'downloaded';
  /** The host installs updates itself (the packaged Electron app). */
  canInstall: boolean;
  now: Date;
  /** The site's service hours from the reference cache; null: not known (yet). */
  schedule: SiteSchedule | null;
  /** A ticket at the counter, or a visit served by the paper ticket's number. */
  visitInProgress: boolean;
  /** A terminal operation running, or a payment in the journal not final yet. */
  paymentInProgress: boolean;
  /** The clerk pressed "Install now". */
  clerkConsent: boolean;
};

export type UpdateVerdict = { decision: UpdateDecision; reason: UpdateReason };

/**
 * Whether `now` is within the site's service hours (with the margin). A site whose hours are
 * not known counts as open: an update never restarts the app under a clerk by guesswork.
 */
export function isWithinServiceHours(
  schedule: SiteSchedule | null,
  now: Date,
  marginMinutes = SERVICE_MARGIN_MINUTES,
): boolean {
  if (schedule === null) return true;
  const { day, time } = siteLocalTime(now);
  const hours = serviceHoursOn(schedule, day);
  if ('closed' in hours) return false;
  const minute = minutesOfDay(time);
  return (
    minutesOfDay(hours.opens) - marginMinutes <= minute &&
    minute < minutesOfDay(hours.closes) + marginMinutes
  );
}

/**
 * When a downloaded update may be installed (the app restarts): never during a payment or a
 * visit, whatever else holds; then when the clerk agreed, or outside service hours; during
 * service hours the clerk is asked. Pure, so every row of the table is tested.
 */
export function decideUpdate(input: UpdatePolicyInput): UpdateVerdict {
  if (input.update === 'none') return { decision: 'none', reason: 'no-update' };
  if (!input.canInstall) return { decision: 'wait', reason: 'not-supported' };
  if (input.update === 'available') return { decision: 'wait', reason: 'downloading' };
  if (input.paymentInProgress) return { decision: 'wait', reason: 'payment-in-progress' };
  if (input.visitInProgress) return { decision: 'wait', reason: 'visit-in-progress' };
  if (input.clerkConsent) return { decision: 'install-now', reason: 'clerk-agreed' };
  if (!isWithinServiceHours(input.schedule, input.now)) {
    return { decision: 'install-now', reason: 'outside-service-hours' };
  }
  return { decision: 'ask-clerk', reason: 'service-hours' };
}
