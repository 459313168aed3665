/**
 * Intermediate status codes (04 FF) in words for the clerk's live status line. ZVT's table, as
 * published by python-ecrterm (ecrterm/common.py) and Portalum.Zvt
 * (Repositories/EnglishIntermediateStatusRepository.cs). 0x40 added to a code adds "please
 * remove card". Code FF means "no ZVT code fits: see the display texts (TLV 24 > 07)"; a BLIK
 * step comes that way, recognised by Okienko's tag DF42 rather than by its text.
 */
import type { BlikStep } from './messageTypes';

type Text = { en: string; pl: string };

const BASE: Record<number, Text> = {
  0x00: { en: 'waiting for amount confirmation', pl: 'Terminal czeka na potwierdzenie kwoty' },
  0x01: { en: 'please watch PIN pad', pl: 'Proszę spojrzeć na terminal' },
  0x02: { en: 'please watch PIN pad', pl: 'Proszę spojrzeć na terminal' },
  0x03: { en: 'not accepted', pl: 'Nie zaakceptowano' },
  0x04: { en: 'waiting for response from the host', pl: 'Czekam na odpowiedź banku' },
  0x05: { en: 'sending auto-reversal', pl: 'Terminal wysyła automatyczne anulowanie' },
  0x06: { en: 'sending post-bookings', pl: 'Terminal wysyła zaległe transakcje' },
  0x07: { en: 'card not admitted', pl: 'Karta nieakceptowana' },
  0x08: { en: 'card unknown / undefined', pl: 'Nieznana karta' },
  0x09: { en: 'expired card', pl: 'Karta straciła ważność' },
  0x0a: { en: 'insert card', pl: 'Proszę przyłożyć lub włożyć kartę' },
  0x0b: { en: 'please remove card', pl: 'Proszę wyjąć kartę' },
  0x0c: { en: 'card not readable', pl: 'Nie można odczytać karty' },
  0x0d: { en: 'processing error', pl: 'Błąd przetwarzania' },
  0x0e: { en: 'please wait', pl: 'Proszę czekać' },
  0x0f: { en: 'commencing an automatic end-of-day batch', pl: 'Terminal zamyka dzień' },
  0x10: { en: 'invalid card', pl: 'Nieprawidłowa karta' },
  0x11: { en: 'balance display', pl: 'Wyświetlanie salda' },
  0x12: { en: 'system malfunction', pl: 'Awaria systemu' },
  0x13: { en: 'payment not possible', pl: 'Płatność niemożliwa' },
  0x14: { en: 'credit not sufficient', pl: 'Brak wystarczających środków' },
  0x15: { en: 'incorrect PIN', pl: 'Błędny PIN' },
  0x16: { en: 'limit not sufficient', pl: 'Przekroczony limit' },
  0x17: { en: 'please wait', pl: 'Proszę czekać' },
  0x18: { en: 'PIN try limit exceeded', pl: 'Przekroczona liczba prób PIN' },
  0x19: { en: 'card data incorrect', pl: 'Nieprawidłowe dane karty' },
  0x1a: { en: 'service mode', pl: 'Tryb serwisowy' },
  0x1b: { en: 'approved, please fill up', pl: 'Zatwierdzono' },
  0x1c: { en: 'approved, please take goods', pl: 'Zatwierdzono' },
  0x1d: { en: 'declined', pl: 'Odrzucono' },
  0x26: { en: 'waiting for input of the mobile number', pl: 'Czekam na numer telefonu' },
  0x27: {
    en: 'waiting for repeat of the mobile number',
    pl: 'Czekam na powtórzenie numeru telefonu',
  },
  0x28: { en: 'currency selection, please wait', pl: 'Wybór waluty, proszę czekać' },
  0x29: { en: 'language selection, please wait', pl: 'Wybór języka, proszę czekać' },
  0x2a: { en: 'for loading please insert card', pl: 'Proszę włożyć kartę' },
  0x2b: { en: 'emergency transaction, please wait', pl: 'Transakcja awaryjna, proszę czekać' },
  0x2c: { en: 'application selection, please wait', pl: 'Wybór aplikacji, proszę czekać' },
  0xc7: { en: 'waiting for input of the mileage', pl: 'Czekam na stan licznika' },
  0xc8: { en: 'waiting for cashier', pl: 'Terminal czeka na kasjera' },
  0xc9: { en: 'commencing an automatic diagnosis', pl: 'Terminal wykonuje diagnostykę' },
  0xca: { en: 'commencing an automatic initialisation', pl: 'Terminal wykonuje inicjalizację' },
  0xcb: { en: 'merchant journal full', pl: 'Dziennik terminala pełny' },
  0xcc: { en: 'debit advice not possible, PIN required', pl: 'Wymagany PIN' },
  0xd2: { en: 'connecting dial-up', pl: 'Łączenie z bankiem' },
  0xd3: { en: 'dial-up connection made', pl: 'Połączono z bankiem' },
  0xe0: { en: 'waiting for application selection', pl: 'Czekam na wybór aplikacji karty' },
  0xe1: { en: 'waiting for language selection', pl: 'Czekam na wybór języka' },
  0xe2: { en: 'requests to use the cleaning card', pl: 'Terminal prosi o kartę czyszczącą' },
  0xf1: { en: 'offline', pl: 'Offline' },
  0xf2: { en: 'online', pl: 'Online' },
  0xf3: { en: 'offline transaction', pl: 'Transakcja offline' },
};

const BLIK: Record<BlikStep, Text> = {
  'enter-code': {
    en: 'enter the BLIK code on the terminal',
    pl: 'Proszę wpisać kod BLIK na terminalu',
  },
  'confirm-in-app': {
    en: 'confirm the payment in the banking app',
    pl: 'Proszę potwierdzić płatność w aplikacji banku',
  },
};

const REMOVE_CARD: Text = { en: 'please remove card', pl: 'proszę wyjąć kartę' };

export function describeIntermediateStatus(
  statusCode: number,
  blikStep?: BlikStep,
  displayTexts?: readonly string[],
): Text {
  if (blikStep) return BLIK[blikStep];
  const base = BASE[statusCode];
  if (base) return base;
  if (statusCode === 0x4b) return BASE[0x0b]!;
  // 41-67: the code 0x40 lower, plus "please remove card".
  const plain = statusCode >= 0x41 && statusCode <= 0x67 ? BASE[statusCode - 0x40] : undefined;
  if (plain) return { en: `${plain.en}; ${REMOVE_CARD.en}`, pl: `${plain.pl}; ${REMOVE_CARD.pl}` };
  const shown = displayTexts
    ?.filter((line) => line.trim() !== '')
    .join(' ')
    .trim();
  if (shown) return { en: shown, pl: shown };
  return { en: 'please wait', pl: 'Proszę czekać' };
}
