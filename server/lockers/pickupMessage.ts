import type { CaseApplicant } from '../../common/contract/central/cases';
import type { NotificationChannel } from '../../common/contract/central/lockers';

/** SMS when the applicant gave a phone number, else e-mail; null when neither. */
export function pickupChannelOf(
  applicant: CaseApplicant | null,
): { channel: NotificationChannel; recipient: string } | null {
  if (applicant?.phone) return { channel: 'sms', recipient: applicant.phone };
  if (applicant?.email) return { channel: 'email', recipient: applicant.email };
  return null;
}

/** `2026-09-08` → `08.09.2026`, as a Polish reader expects a date. */
const polishDate = (day: string) => day.split('-').reverse().join('.');

/**
 * The message with the pickup code, in Polish (residents of a Polish city hall). It names the
 * case by its number and where the locker stands; never the resident's name nor the document.
 */
export function pickupMessage(options: {
  caseNumber: string;
  /** Where the locker stands (the site's address). */
  place: string;
  lastPickupDay: string;
  code: string;
}): string {
  return (
    `Dokument w sprawie ${options.caseNumber} czeka na odbiór w urzędomacie, ${options.place}. ` +
    `Kod odbioru: ${options.code}. Odbierz do ${polishDate(options.lastPickupDay)} włącznie. ` +
    'Nie przekazuj kodu nikomu.'
  );
}
