import type { CheckInRefusal, IssueRefusal } from '../../common/contract/central/queue';
import { formatCivilDate } from '../shared/hallTime';
import { englishPlural, polishPlural } from '../shared/polishPlural';

export type KioskLanguage = 'pl' | 'en';

/** A refusal as the kiosk words it: what happened, and what the resident can do. */
export type RefusalText = { title: string; detail: string };

/**
 * Everything the kiosk says, in plain words a resident reads standing up. Polish first; English
 * for a resident who presses the "English" button (the kiosk returns to Polish for the next one).
 * The server's refusals carry a Polish `message` too, but the kiosk words them from their fields,
 * so both languages say the same.
 */
export type KioskStrings = {
  /** The language button: the other language's own name. */
  otherLanguage: { label: string; lang: KioskLanguage };
  heading: string;
  /** A category's queue and wait on its tile: `3 osoby w kolejce · ok. 15 min`. */
  queueFacts: (waiting: number, estimatedWaitMinutes: number) => string;
  categoryUnavailable: string;
  haveBooking: string;
  haveBookingHint: string;
  priority: string;
  priorityHint: string;
  connecting: string;
  connectingDetail: string;
  staleNotice: string;
  issuing: string;
  checkingIn: string;
  bookingHeading: string;
  bookingCodeLabel: string;
  bookingHint: string;
  keypadLabel: string;
  keyDelete: string;
  keyClear: string;
  confirm: string;
  back: string;
  yourNumber: string;
  ahead: (people: number) => string;
  expectedWait: (minutes: number) => string;
  appointmentConfirmed: (time: string) => string;
  lateOrdinaryTicket: (graceMinutes: number) => string;
  watchBoard: string;
  print: string;
  done: string;
  returnsIn: (seconds: number) => string;
  refusal: (refusal: IssueRefusal | CheckInRefusal) => RefusalText;
  failedTitle: string;
  failedDetail: string;
  tryAgain: string;
  missingSiteTitle: string;
  missingSiteDetail: string;
  unknownSite: (siteId: string) => RefusalText;
  /** `Wydano:` before the date and time on the printed ticket. */
  printedIssued: string;
};

function polishWait(minutes: number): string {
  if (minutes <= 0) return 'bez czekania';
  if (minutes < 60) return `ok. ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `ok. ${hours} godz.` : `ok. ${hours} godz. ${rest} min`;
}

function englishWait(minutes: number): string {
  if (minutes <= 0) return 'no wait';
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}

const COME_BACK_PL = 'Zapraszamy w kolejnym dniu pracy urzędu.';
const COME_BACK_EN = 'Please come back on the next working day.';

function polishRefusal(refusal: IssueRefusal | CheckInRefusal): RefusalText {
  switch (refusal.reason) {
    case 'closed-today':
      return {
        title: 'Dziś urząd jest nieczynny',
        detail: refusal.name ? `${refusal.name}. ${COME_BACK_PL}` : COME_BACK_PL,
      };
    case 'not-open-yet':
      return {
        title: 'Jeszcze nie wydajemy biletów',
        detail: `Pierwszy bilet wydamy o godzinie ${refusal.opens}.`,
      };
    case 'after-last-ticket':
      return {
        title: 'Na dziś nie wydajemy już biletów',
        detail: `Ostatni bilet wydajemy o godzinie ${refusal.lastTicket}. ${COME_BACK_PL}`,
      };
    case 'daily-cap-reached':
      return {
        title: 'Bilety do tej sprawy na dziś się skończyły',
        detail: `Wydaliśmy wszystkie bilety na dziś (${refusal.dailyCap}). ${COME_BACK_PL} Wizytę można też zarezerwować przez internet.`,
      };
    case 'unknown-category':
      return {
        title: 'Tej sprawy nie załatwimy w tym budynku',
        detail: 'Zapytaj w punkcie informacyjnym, dokąd się udać.',
      };
    case 'unknown-booking-code':
      return {
        title: 'Nie znaleźliśmy rezerwacji o tym kodzie',
        detail: 'Sprawdź kod w potwierdzeniu rezerwacji i wpisz go ponownie.',
      };
    case 'not-today':
      return {
        title: 'Ta rezerwacja nie jest na dziś',
        detail: `Twoja wizyta jest zarezerwowana na ${formatCivilDate(refusal.day, 'pl')}.`,
      };
    case 'other-site':
      return {
        title: 'Ta rezerwacja dotyczy innego budynku',
        detail: `Wizyta jest zarezerwowana w budynku: ${refusal.siteName}.`,
      };
    case 'already-checked-in':
      return {
        title: 'Ta rezerwacja jest już potwierdzona',
        detail: `Twój numer to ${refusal.number}. Obserwuj tablicę wywołań.`,
      };
    case 'cancelled':
      return {
        title: 'Ta rezerwacja została odwołana',
        detail: 'Możesz pobrać zwykły bilet do swojej sprawy.',
      };
  }
}

function englishRefusal(refusal: IssueRefusal | CheckInRefusal): RefusalText {
  switch (refusal.reason) {
    case 'closed-today':
      return {
        title: 'The office is closed today',
        detail: refusal.name ? `${refusal.name}. ${COME_BACK_EN}` : COME_BACK_EN,
      };
    case 'not-open-yet':
      return {
        title: 'Tickets are not issued yet',
        detail: `The first ticket is issued at ${refusal.opens}.`,
      };
    case 'after-last-ticket':
      return {
        title: 'No more tickets today',
        detail: `The last ticket is issued at ${refusal.lastTicket}. ${COME_BACK_EN}`,
      };
    case 'daily-cap-reached':
      return {
        title: "Today's tickets for this service are gone",
        detail: `All of today's tickets (${refusal.dailyCap}) have been issued. ${COME_BACK_EN} You can also book a visit online.`,
      };
    case 'unknown-category':
      return {
        title: 'This service is not offered in this building',
        detail: 'Please ask at the information desk.',
      };
    case 'unknown-booking-code':
      return {
        title: 'No booking with this code',
        detail: 'Check the code in your booking confirmation and type it again.',
      };
    case 'not-today':
      return {
        title: 'This booking is not for today',
        detail: `Your visit is booked for ${formatCivilDate(refusal.day, 'en')}.`,
      };
    case 'other-site':
      return {
        title: 'This booking is for another building',
        detail: `Your visit is booked at: ${refusal.siteName}.`,
      };
    case 'already-checked-in':
      return {
        title: 'This booking is already checked in',
        detail: `Your number is ${refusal.number}. Watch the display board.`,
      };
    case 'cancelled':
      return {
        title: 'This booking was cancelled',
        detail: 'You can take an ordinary ticket for your matter.',
      };
  }
}

export const kioskStrings: Record<KioskLanguage, KioskStrings> = {
  pl: {
    otherLanguage: { label: 'English', lang: 'en' },
    heading: 'Wybierz sprawę, aby pobrać bilet',
    queueFacts: (waiting, minutes) =>
      waiting === 0 && minutes === 0
        ? 'Nikt nie czeka'
        : `${waiting === 0 ? 'Nikt nie czeka' : `${polishPlural(waiting, 'osoba', 'osoby', 'osób')} w kolejce`} · ${polishWait(minutes)}`,
    categoryUnavailable: 'Na dziś brak biletów',
    haveBooking: 'Mam rezerwację',
    haveBookingHint: 'Wpisz kod z potwierdzenia',
    priority: 'Obsługa w pierwszej kolejności',
    priorityHint: 'Osoby z niepełnosprawnością, kobiety w ciąży, osoby z małym dzieckiem',
    connecting: 'Chwileczkę…',
    connectingDetail: 'Łączymy się z systemem kolejki.',
    staleNotice: 'Brak połączenia: czasy oczekiwania mogą być nieaktualne.',
    issuing: 'Wydajemy bilet…',
    checkingIn: 'Sprawdzamy rezerwację…',
    bookingHeading: 'Wpisz kod rezerwacji',
    bookingCodeLabel: 'Kod rezerwacji',
    bookingHint: 'Kod znajdziesz w potwierdzeniu rezerwacji (e-mail lub SMS).',
    keypadLabel: 'Klawiatura',
    keyDelete: 'Usuń znak',
    keyClear: 'Wyczyść',
    confirm: 'Zatwierdź',
    back: 'Wróć',
    yourNumber: 'Twój numer',
    ahead: (people) =>
      people === 0
        ? 'Przed Tobą nie ma nikogo'
        : `Przed Tobą: ${polishPlural(people, 'osoba', 'osoby', 'osób')}`,
    expectedWait: (minutes) => `Szacowany czas oczekiwania: ${polishWait(minutes)}`,
    appointmentConfirmed: (time) =>
      `Rezerwacja potwierdzona. Zaprosimy Cię do stanowiska o godzinie ${time}.`,
    lateOrdinaryTicket: (grace) =>
      `Spóźnienie ponad ${grace} min: rezerwacja przepadła, otrzymujesz zwykły bilet.`,
    watchBoard:
      'Obserwuj tablicę wywołań: gdy pojawi się Twój numer, podejdź do wskazanego stanowiska.',
    print: 'Drukuj bilet',
    done: 'Gotowe',
    returnsIn: (seconds) => `Powrót do ekranu startowego za ${seconds} s`,
    refusal: polishRefusal,
    failedTitle: 'Nie udało się połączyć z systemem kolejki',
    failedDetail: 'Spróbuj ponownie za chwilę. W razie kłopotu zapytaj w punkcie informacyjnym.',
    tryAgain: 'Spróbuj ponownie',
    missingSiteTitle: 'Kiosk nie jest jeszcze skonfigurowany',
    missingSiteDetail:
      'Adres strony powinien wskazywać budynek, np. /hall/kiosk.html?site=slaska. Poproś o pomoc obsługę urzędu.',
    unknownSite: (siteId) => ({
      title: 'Kiosk nie jest jeszcze skonfigurowany',
      detail: `System kolejki nie zna budynku „${siteId}”. Poproś o pomoc obsługę urzędu.`,
    }),
    printedIssued: 'Wydano:',
  },
  en: {
    otherLanguage: { label: 'Polski', lang: 'pl' },
    heading: 'Choose your matter to take a ticket',
    queueFacts: (waiting, minutes) =>
      waiting === 0 && minutes === 0
        ? 'Nobody waiting'
        : `${waiting === 0 ? 'Nobody waiting' : `${englishPlural(waiting, 'person', 'people')} waiting`} · ${englishWait(minutes)}`,
    categoryUnavailable: 'No tickets left today',
    haveBooking: 'I have a booking',
    haveBookingHint: 'Type the code from your confirmation',
    priority: 'Priority service',
    priorityHint: 'People with disabilities, pregnant women, people with a small child',
    connecting: 'One moment…',
    connectingDetail: 'Connecting to the queue system.',
    staleNotice: 'No connection: waiting times may be out of date.',
    issuing: 'Issuing your ticket…',
    checkingIn: 'Checking your booking…',
    bookingHeading: 'Type your booking code',
    bookingCodeLabel: 'Booking code',
    bookingHint: 'The code is in your booking confirmation (e-mail or text message).',
    keypadLabel: 'Keypad',
    keyDelete: 'Delete',
    keyClear: 'Clear',
    confirm: 'Confirm',
    back: 'Back',
    yourNumber: 'Your number',
    ahead: (people) =>
      people === 0
        ? 'Nobody is ahead of you'
        : `Ahead of you: ${englishPlural(people, 'person', 'people')}`,
    expectedWait: (minutes) => `Estimated waiting time: ${englishWait(minutes)}`,
    appointmentConfirmed: (time) => `Booking confirmed. You will be called at ${time}.`,
    lateOrdinaryTicket: (grace) =>
      `More than ${grace} min late: the booking has lapsed, you get an ordinary ticket.`,
    watchBoard: 'Watch the display board: when your number appears, go to the counter shown.',
    print: 'Print ticket',
    done: 'Done',
    returnsIn: (seconds) => `Back to the start in ${seconds} s`,
    refusal: englishRefusal,
    failedTitle: 'Could not reach the queue system',
    failedDetail: 'Please try again in a moment, or ask at the information desk.',
    tryAgain: 'Try again',
    missingSiteTitle: 'This kiosk is not set up yet',
    missingSiteDetail:
      'The page address should name the building, e.g. /hall/kiosk.html?site=slaska. Please ask the staff.',
    unknownSite: (siteId) => ({
      title: 'This kiosk is not set up yet',
      detail: `The queue system does not know the building "${siteId}". Please ask the staff.`,
    }),
    printedIssued: 'Issued:',
  },
};
