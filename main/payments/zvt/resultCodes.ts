/**
 * ZVT result codes (BMP 27, the code of 06 1E and of a negative acknowledgement 84 xx) in words
 * a clerk can repeat to a resident, in Polish and English, with a category the session and UI
 * act on. The English follows ZVT's error-message table as published by Portalum.Zvt
 * (Repositories/EnglishErrorMessageRepository.cs) and python-ecrterm (ecrterm/common.py);
 * 01-63 are not ZVT's own: they pass on the card issuer's or acquirer's answer, decimal 1-99.
 */
export type ResultCategory =
  /** 00: the payment (or command) succeeded. */
  | 'approved'
  /** The issuer or acquirer declined; another card or method may work. */
  | 'declined'
  /** Aborted: the resident or the clerk cancelled, or the terminal timed out waiting. */
  | 'cancelled'
  /** The card cannot be used: unreadable, expired, blocked, not accepted. */
  | 'card-problem'
  /** The terminal cannot do it now or at all: the clerk must act (or call IT). */
  | 'terminal-problem'
  /** The terminal could not reach its host. Try again; call IT if it persists. */
  | 'communication'
  /** The request itself cannot be done: wrong currency, amount out of limits, already reversed. */
  | 'not-possible'
  /** The terminal is busy: ask again shortly. */
  | 'retry-later';

export type ResultDescription = {
  code: number;
  category: ResultCategory;
  en: string;
  pl: string;
};

type Entry = [code: number, category: ResultCategory, en: string, pl: string];

const ENTRIES: Entry[] = [
  [0x00, 'approved', 'no error', 'Zatwierdzono'],
  [0x64, 'card-problem', 'card not readable (LRC/parity error)', 'Nie można odczytać karty'],
  [
    0x65,
    'card-problem',
    'card data not present (neither track data nor chip found)',
    'Brak danych karty (ani paska, ani chipu)',
  ],
  [
    0x66,
    'terminal-problem',
    'processing error (also problems with the card reader)',
    'Błąd przetwarzania lub czytnika kart',
  ],
  [
    0x67,
    'card-problem',
    'function not permitted for ec and Maestro cards',
    'Operacja niedozwolona dla kart Maestro',
  ],
  [
    0x68,
    'card-problem',
    'function not permitted for credit and tank cards',
    'Operacja niedozwolona dla kart kredytowych',
  ],
  [
    0x6a,
    'terminal-problem',
    'turnover file full',
    'Pamięć transakcji terminala pełna: potrzebne zamknięcie dnia',
  ],
  [
    0x6b,
    'terminal-problem',
    'function deactivated (PT not registered)',
    'Funkcja wyłączona: terminal niezarejestrowany',
  ],
  [
    0x6c,
    'cancelled',
    'abort via timeout or abort key',
    'Przerwano: anulowano na terminalu lub minął czas',
  ],
  [0x6e, 'card-problem', 'card in blocked list', 'Karta zablokowana'],
  [0x6f, 'not-possible', 'wrong currency', 'Niewłaściwa waluta'],
  [0x71, 'declined', 'credit not sufficient (chip card)', 'Brak wystarczających środków'],
  [0x72, 'card-problem', 'chip error', 'Błąd chipu karty'],
  [
    0x73,
    'card-problem',
    'card data incorrect (e.g. country key check, checksum error)',
    'Nieprawidłowe dane karty',
  ],
  [0x74, 'terminal-problem', 'DUKPT engine exhausted', 'Wyczerpane klucze szyfrujące terminala'],
  [0x75, 'terminal-problem', 'text not authentic', 'Tekst nieautentyczny'],
  [0x76, 'card-problem', 'PAN not in white list', 'Karta spoza listy dozwolonych'],
  [0x77, 'terminal-problem', 'end-of-day batch not possible', 'Zamknięcie dnia niemożliwe'],
  [0x78, 'card-problem', 'card expired', 'Karta straciła ważność'],
  [0x79, 'card-problem', 'card not yet valid', 'Karta jeszcze nieważna'],
  [0x7a, 'card-problem', 'card unknown', 'Nieznana karta'],
  [
    0x7b,
    'card-problem',
    'fallback to magnetic stripe for girocard not possible',
    'Płatność paskiem magnetycznym niemożliwa',
  ],
  [
    0x7c,
    'card-problem',
    'fallback to magnetic stripe not possible',
    'Płatność paskiem magnetycznym niemożliwa',
  ],
  [
    0x7d,
    'communication',
    'communication error (communication module does not answer or is not present)',
    'Błąd komunikacji terminala',
  ],
  [
    0x7e,
    'card-problem',
    'fallback to magnetic stripe not possible, debit advice possible',
    'Płatność paskiem magnetycznym niemożliwa',
  ],
  [0x83, 'not-possible', 'function not possible', 'Operacja niemożliwa'],
  [0x85, 'terminal-problem', 'key missing', 'Brak klucza w terminalu'],
  [0x89, 'terminal-problem', 'PIN pad defective', 'Uszkodzona klawiatura PIN'],
  [
    0x9a,
    'not-possible',
    'ZVT protocol error (e.g. parsing error, mandatory message element missing)',
    'Błąd protokołu ZVT',
  ],
  [
    0x9b,
    'communication',
    'error from dial-up/communication fault',
    'Błąd połączenia terminala z bankiem',
  ],
  [0x9c, 'retry-later', 'please wait', 'Proszę czekać: terminal jest zajęty'],
  [0xa0, 'communication', 'receiver not ready', 'Odbiorca niegotowy'],
  [0xa1, 'communication', 'remote station does not respond', 'Bank nie odpowiada'],
  [0xa3, 'communication', 'no connection', 'Brak połączenia'],
  [
    0xa4,
    'not-possible',
    'submission of Geldkarte not possible',
    'Przesłanie transakcji GeldKarte niemożliwe',
  ],
  [
    0xa5,
    'not-possible',
    'function not allowed due to PCI-DSS/P2PE rules',
    'Operacja niedozwolona przez zasady PCI-DSS',
  ],
  [0xb1, 'terminal-problem', 'memory full', 'Pamięć terminala pełna'],
  [0xb2, 'terminal-problem', 'merchant journal full', 'Dziennik terminala pełny'],
  [0xb4, 'not-possible', 'already reversed', 'Transakcja już anulowana'],
  [0xb5, 'not-possible', 'reversal not possible', 'Anulowanie niemożliwe'],
  [
    0xb7,
    'not-possible',
    'pre-authorisation incorrect (amount too high) or amount wrong',
    'Nieprawidłowa kwota',
  ],
  [0xb8, 'not-possible', 'error pre-authorisation', 'Błąd preautoryzacji'],
  [
    0xbf,
    'terminal-problem',
    'voltage supply too low (external power supply)',
    'Za niskie napięcie zasilania terminala',
  ],
  [
    0xc0,
    'terminal-problem',
    'card locking mechanism defective',
    'Uszkodzona blokada czytnika kart',
  ],
  [0xc1, 'terminal-problem', 'merchant card locked', 'Karta sprzedawcy zablokowana'],
  [0xc2, 'terminal-problem', 'diagnosis required', 'Terminal wymaga diagnostyki'],
  [0xc3, 'not-possible', 'maximum amount exceeded', 'Przekroczona kwota maksymalna'],
  [
    0xc4,
    'terminal-problem',
    'card profile invalid; new card profiles must be loaded',
    'Nieaktualne profile kart w terminalu',
  ],
  [
    0xc5,
    'card-problem',
    'payment method not supported',
    'Ta metoda płatności nie jest obsługiwana',
  ],
  [0xc6, 'not-possible', 'currency not applicable', 'Waluta niedostępna'],
  [0xc8, 'not-possible', 'amount too small', 'Kwota za mała'],
  [
    0xc9,
    'not-possible',
    'max. transaction amount too small',
    'Kwota maksymalna transakcji za mała',
  ],
  [0xcb, 'not-possible', 'function only allowed in EURO', 'Operacja dozwolona tylko w euro'],
  [0xcc, 'terminal-problem', 'printer not ready', 'Drukarka terminala niegotowa'],
  [0xcd, 'not-possible', 'cashback not possible', 'Cashback niemożliwy'],
  [
    0xd2,
    'card-problem',
    'function not permitted for service cards/bank customer cards',
    'Operacja niedozwolona dla tej karty',
  ],
  [0xdc, 'terminal-problem', 'card inserted', 'Karta jest w czytniku'],
  [0xdd, 'terminal-problem', 'error during card eject', 'Błąd wysuwania karty'],
  [0xde, 'terminal-problem', 'error during card insertion', 'Błąd wsuwania karty'],
  [0xe0, 'terminal-problem', 'remote maintenance activated', 'Trwa zdalny serwis terminala'],
  [
    0xe2,
    'terminal-problem',
    'card reader does not answer / card reader defective',
    'Czytnik kart nie odpowiada',
  ],
  [0xe3, 'terminal-problem', 'shutter closed', 'Zamknięta przesłona czytnika'],
  [0xe4, 'terminal-problem', 'terminal activation required', 'Terminal wymaga aktywacji'],
  [0xe7, 'not-possible', 'min. one goods group not found', 'Nie znaleziono grupy towarowej'],
  [0xe8, 'terminal-problem', 'no goods groups table loaded', 'Brak tabeli grup towarowych'],
  [0xe9, 'not-possible', 'restriction code not permitted', 'Niedozwolony kod ograniczenia'],
  [
    0xea,
    'card-problem',
    'card code not permitted (e.g. card not activated via Diagnosis)',
    'Rodzaj karty nieaktywny w terminalu',
  ],
  [
    0xeb,
    'terminal-problem',
    'function not executable (PIN algorithm unknown)',
    'Nieznany algorytm PIN',
  ],
  [0xec, 'terminal-problem', 'PIN processing not possible', 'Obsługa PIN niemożliwa'],
  [0xed, 'terminal-problem', 'PIN pad defective', 'Uszkodzona klawiatura PIN'],
  [0xf0, 'terminal-problem', 'open end-of-day batch present', 'Najpierw trzeba zamknąć dzień'],
  [0xf1, 'terminal-problem', 'ec-cash/Maestro offline error', 'Błąd transakcji offline'],
  [0xf5, 'terminal-problem', 'OPT error', 'Błąd OPT'],
  [
    0xf6,
    'terminal-problem',
    'OPT data not available (OPT personalisation required)',
    'Brak danych OPT',
  ],
  [
    0xfa,
    'communication',
    'error transmitting offline transactions (clearing error)',
    'Błąd przesyłania transakcji offline',
  ],
  [0xfb, 'terminal-problem', 'turnover data set defective', 'Uszkodzony zapis transakcji'],
  [
    0xfc,
    'terminal-problem',
    'necessary device not present or defective',
    'Brak lub awaria potrzebnego urządzenia',
  ],
  [0xfd, 'terminal-problem', 'baud rate not supported', 'Nieobsługiwana prędkość łącza'],
  [0xfe, 'terminal-problem', 'register unknown', 'Nieznana kasa'],
  [
    0xff,
    'terminal-problem',
    'system error (other/unknown error; see TLV tags 1F16 and 1F17)',
    'Błąd systemu terminala',
  ],
];

const TABLE = new Map<number, ResultDescription>(
  ENTRIES.map(([code, category, en, pl]) => [code, { code, category, en, pl }]),
);

/** Every code has an answer: unknown ones say so, with the code for IT support. */
export function describeResultCode(code: number): ResultDescription {
  const known = TABLE.get(code);
  if (known) return known;
  if (code >= 0x01 && code <= 0x63) {
    return {
      code,
      category: 'declined',
      en: `declined by the card issuer or acquirer (host code ${code})`,
      pl: `Bank odrzucił płatność (kod ${code})`,
    };
  }
  const hex = code.toString(16).toUpperCase().padStart(2, '0');
  return {
    code,
    category: 'terminal-problem',
    en: `unknown result code ${hex}`,
    pl: `Nieznany kod odpowiedzi terminala ${hex}`,
  };
}

/** Codes the terminal reports in the completion of a status enquiry (05 01). */
const TERMINAL_STATUS: Record<number, { en: string; pl: string }> = {
  0x00: { en: 'PT ready', pl: 'Terminal gotowy' },
  0x51: { en: 'initialisation required', pl: 'Terminal wymaga inicjalizacji' },
  0x62: { en: 'date/time incorrect', pl: 'Błędna data lub godzina terminala' },
  0x9c: {
    en: 'please wait (e.g. software update still running)',
    pl: 'Proszę czekać (np. trwa aktualizacja)',
  },
  0xb1: { en: 'memory full', pl: 'Pamięć terminala pełna' },
  0xb2: { en: 'merchant journal full', pl: 'Dziennik terminala pełny' },
  0xbf: { en: 'voltage supply too low', pl: 'Za niskie napięcie zasilania' },
  0xc0: { en: 'card locking mechanism defective', pl: 'Uszkodzona blokada czytnika kart' },
  0xc1: { en: 'merchant card locked', pl: 'Karta sprzedawcy zablokowana' },
  0xc2: { en: 'diagnosis required', pl: 'Terminal wymaga diagnostyki' },
  0xc4: { en: 'card profile invalid', pl: 'Nieaktualne profile kart' },
  0xcc: { en: 'printer not ready', pl: 'Drukarka terminala niegotowa' },
  0xdc: { en: 'card inserted', pl: 'Karta jest w czytniku' },
  0xdf: { en: 'out of order', pl: 'Terminal nieczynny' },
  0xe0: { en: 'remote maintenance activated', pl: 'Trwa zdalny serwis terminala' },
  0xe1: { en: 'card not completely removed', pl: 'Karta nie została wyjęta do końca' },
  0xe2: { en: 'card reader does not answer / defective', pl: 'Czytnik kart nie odpowiada' },
  0xe3: { en: 'shutter closed', pl: 'Zamknięta przesłona czytnika' },
  0xf6: { en: 'OPT data not available', pl: 'Brak danych OPT' },
};

export function describeTerminalStatus(code: number): {
  code: number;
  ready: boolean;
  en: string;
  pl: string;
} {
  const known = TERMINAL_STATUS[code];
  const hex = code.toString(16).toUpperCase().padStart(2, '0');
  return {
    code,
    ready: code === 0x00,
    en: known?.en ?? `unknown terminal status ${hex}`,
    pl: known?.pl ?? `Nieznany stan terminala ${hex}`,
  };
}
