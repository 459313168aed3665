import type { WorkstationProblem } from '../../common/contract/central/workstationStatus';
import type { HealthLanguage } from './healthFormat';

type DeviceWords = Record<string, string>;

/** Everything the health page says: Polish first, English behind the language button. */
export type HealthStrings = {
  otherLanguage: { label: string; lang: HealthLanguage };
  title: string;
  loginHeading: string;
  loginHint: string;
  login: string;
  password: string;
  logIn: string;
  loggingIn: string;
  logOut: string;
  loggedInAs: (login: string) => string;
  wrongPassword: string;
  tooManyAttempts: string;
  noAccess: string;
  sessionEnded: string;
  unreachable: string;
  refreshedAt: (time: string, seconds: number) => string;
  serverVersion: (version: string) => string;
  summary: (total: number, withProblems: number) => string;
  none: string;
  columns: {
    workstation: string;
    site: string;
    counter: string;
    version: string;
    lastSeen: string;
    sync: string;
    terminal: string;
    printer: string;
    clerk: string;
    problems: string;
  };
  neverSeen: string;
  notSeenFor: (span: string) => string;
  startedAt: (time: string) => string;
  pending: (count: number) => string;
  oldestPending: (span: string) => string;
  failed: (count: number) => string;
  lastSync: (time: string) => string;
  neverSynced: string;
  since: (time: string) => string;
  terminal: DeviceWords;
  printer: DeviceWords;
  toReconcile: (count: number) => string;
  noClerk: string;
  noCounter: string;
  problems: Record<WorkstationProblem, string>;
  allWell: string;
};

export const healthStrings: Record<HealthLanguage, HealthStrings> = {
  pl: {
    otherLanguage: { label: 'English', lang: 'en' },
    title: 'Stan stanowisk',
    loginHeading: 'Logowanie',
    loginHint: 'Strona dla działu IT: zaloguj się jako administrator (lub kierownik zmiany).',
    login: 'Login',
    password: 'Hasło',
    logIn: 'Zaloguj',
    loggingIn: 'Logowanie…',
    logOut: 'Wyloguj',
    loggedInAs: (login) => `Zalogowano: ${login}`,
    wrongPassword: 'Nieprawidłowy login lub hasło.',
    tooManyAttempts: 'Zbyt wiele nieudanych prób: spróbuj za chwilę.',
    noAccess:
      'To konto nie ma dostępu do stanu stanowisk (potrzebna rola administratora lub kierownika).',
    sessionEnded: 'Sesja wygasła: zaloguj się ponownie.',
    unreachable: 'Brak odpowiedzi serwera: ponawiamy co 10 s, pokazane dane mogą być nieaktualne.',
    refreshedAt: (time, seconds) => `Odświeżono ${time} (co ${seconds} s)`,
    serverVersion: (version) => `Serwer centralny: wersja ${version}`,
    summary: (total, withProblems) => `Stanowisk: ${total}, z problemami: ${withProblems}`,
    none: 'Serwer nie zna jeszcze żadnego stanowiska.',
    columns: {
      workstation: 'Stanowisko (id)',
      site: 'Budynek',
      counter: 'Okienko',
      version: 'Wersja',
      lastSeen: 'Ostatnio widziane',
      sync: 'Synchronizacja',
      terminal: 'Terminal płatniczy',
      printer: 'Drukarka etykiet',
      clerk: 'Zalogowany',
      problems: 'Problemy',
    },
    neverSeen: 'nigdy',
    notSeenFor: (span) => `brak kontaktu od ${span}`,
    startedAt: (time) => `uruchomiono ${time}`,
    pending: (count) => `w kolejce: ${count}`,
    oldestPending: (span) => `najstarsza zmiana czeka ${span}`,
    failed: (count) => `odrzucone: ${count}`,
    lastSync: (time) => `ostatnia synchronizacja ${time}`,
    neverSynced: 'jeszcze bez synchronizacji',
    since: (time) => `od ${time}`,
    terminal: {
      connected: 'połączony',
      busy: 'zajęty (transakcja)',
      disconnected: 'niepodłączony',
      none: 'brak',
    },
    printer: { online: 'dostępna', offline: 'niedostępna', unknown: 'stan nieznany', none: 'brak' },
    toReconcile: (count) => `płatności do wyjaśnienia: ${count}`,
    noClerk: 'nikt',
    noCounter: '—',
    problems: {
      'never-seen': 'nigdy się nie zgłosiło',
      'not-seen': 'brak kontaktu',
      'terminal-offline': 'terminal niepodłączony',
      'printer-offline': 'drukarka niedostępna',
      'sync-behind': 'synchronizacja opóźniona',
      'outbox-failed': 'odrzucone zmiany',
      'payments-to-reconcile': 'płatności do wyjaśnienia',
    },
    allWell: 'w porządku',
  },
  en: {
    otherLanguage: { label: 'Polski', lang: 'pl' },
    title: 'Workstation health',
    loginHeading: 'Log in',
    loginHint: 'A page for the IT team: log in as an administrator (or a shift supervisor).',
    login: 'Login',
    password: 'Password',
    logIn: 'Log in',
    loggingIn: 'Logging in…',
    logOut: 'Log out',
    loggedInAs: (login) => `Logged in: ${login}`,
    wrongPassword: 'Wrong login or password.',
    tooManyAttempts: 'Too many failed attempts: try again in a moment.',
    noAccess:
      'This account may not see the workstations’ health (it needs the admin or supervisor role).',
    sessionEnded: 'The session has expired: log in again.',
    unreachable:
      'The server does not answer: retrying every 10 s, the data shown may be out of date.',
    refreshedAt: (time, seconds) => `Refreshed ${time} (every ${seconds} s)`,
    serverVersion: (version) => `Central server: version ${version}`,
    summary: (total, withProblems) => `Workstations: ${total}, with problems: ${withProblems}`,
    none: 'The server does not know any workstation yet.',
    columns: {
      workstation: 'Workstation (id)',
      site: 'Site',
      counter: 'Counter',
      version: 'Version',
      lastSeen: 'Last seen',
      sync: 'Sync',
      terminal: 'Payment terminal',
      printer: 'Label printer',
      clerk: 'Logged in',
      problems: 'Problems',
    },
    neverSeen: 'never',
    notSeenFor: (span) => `not seen for ${span}`,
    startedAt: (time) => `started ${time}`,
    pending: (count) => `pending: ${count}`,
    oldestPending: (span) => `oldest change waiting ${span}`,
    failed: (count) => `refused: ${count}`,
    lastSync: (time) => `last sync ${time}`,
    neverSynced: 'not synced yet',
    since: (time) => `since ${time}`,
    terminal: {
      connected: 'connected',
      busy: 'busy (transaction)',
      disconnected: 'disconnected',
      none: 'none',
    },
    printer: { online: 'online', offline: 'offline', unknown: 'state unknown', none: 'none' },
    toReconcile: (count) => `payments to reconcile: ${count}`,
    noClerk: 'nobody',
    noCounter: '—',
    problems: {
      'never-seen': 'never reported',
      'not-seen': 'not seen',
      'terminal-offline': 'terminal offline',
      'printer-offline': 'printer offline',
      'sync-behind': 'sync behind',
      'outbox-failed': 'refused changes',
      'payments-to-reconcile': 'payments to reconcile',
    },
    allWell: 'all well',
  },
};
