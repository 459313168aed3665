import type { DepositRefusal } from '../../../common/contract/lockers';

/** Why a case cannot go into the locker, for the clerk at the desk (Polish, as all of main's). */
export const refusalMessages: Readonly<Record<DepositRefusal, string>> = {
  'unknown-case':
    'Tej sprawy nie ma na liście spraw gotowych do urzędomatu. Sprawdź numer albo odśwież listę.',
  'not-locker-eligible':
    'Przepisy nie pozwalają wydać dokumentu w tej sprawie przez urzędomat: odbiór tylko w okienku.',
  'not-ready': 'Dokument w tej sprawie nie jest jeszcze oznaczony jako gotowy do odbioru.',
  'already-deposited':
    'Ta sprawa ma już depozyt, który nie został odebrany ani zwrócony do urzędu.',
  'no-contact':
    'Wnioskodawca nie podał telefonu ani adresu e-mail: nie da się wysłać kodu odbioru. Wydaj dokument w okienku.',
  'no-locker-at-site': 'Ta lokalizacja nie ma urzędomatu.',
};

/** The case was marked ready here, but the desk's list does not have it yet. */
export const notYetInListMessage =
  'Sprawa jest oznaczona jako gotowa, ale nie ma jej jeszcze na liście urzędomatu. Odśwież listę, gdy komputer połączy się z serwerem.';
