// The assistant feature's strings; pl.ts and en.ts take them in under `assistant`.
// The printed list is always in Polish (`print`): the resident takes it home.
export const assistantPl = {
  title: 'Asystent Mieszkańca',
  intro:
    'Wybierz sprawę, zaznacz dokumenty, które interesant ma przy sobie, i skieruj go do kolejki.',
  caseType: {
    heading: 'Sprawa',
    searchLabel: 'Z czym przychodzi interesant? Wpisz część nazwy sprawy',
    searchPlaceholder: 'np. dowód, meldunek, prawo jazdy',
    results: 'Pasujące sprawy',
    noMatch: 'Nie ma sprawy, której nazwa zawiera „{{query}}”.',
    more: 'Pokazano {{shown}} z {{count}}: wpisz więcej, aby zawęzić.',
    loading: 'Wczytywanie spraw…',
  },
  documents: {
    heading: 'Dokumenty',
    conditions: 'Dotyczy interesanta',
    none: 'Ta sprawa nie wymaga dokumentów.',
    hint: 'Strzałki zmieniają stan dokumentu, Tab przechodzi do następnego.',
    states: {
      present: 'Ma',
      missing: 'Brak',
      'not-needed': 'Niepotrzebny',
    },
    unticked: 'nie sprawdzono',
  },
  missing: {
    heading: 'Czego brakuje',
    none: 'Interesant ma wszystkie potrzebne dokumenty.',
    whereToGet: 'Gdzie uzyskać:',
    print: 'Drukuj listę',
    show: 'Pokaż na ekranie',
    close: 'Zamknij',
  },
  print: {
    title: 'Dokumenty do przyniesienia',
    caseType: 'Sprawa: {{name}}',
    date: 'Data: {{date}}',
    intro: 'Aby załatwić tę sprawę w urzędzie, prosimy przynieść:',
    whereToGet: 'Gdzie to uzyskać:',
    none: 'Ma Pan/Pani wszystkie potrzebne dokumenty.',
    footer: 'Z kompletem dokumentów prosimy pobrać bilet w biletomacie w holu lub umówić wizytę.',
  },
  ticket: {
    heading: 'Kolejka',
    category: 'Kategoria w tym budynku',
    noCategory: 'Tej sprawy nie załatwia się w tym budynku: wskaż interesantowi właściwy urząd.',
    priority: 'Pierwszeństwo obsługi (np. osoba z niepełnosprawnością, kobieta w ciąży)',
    issue: 'Wydaj bilet',
    issued: 'Wydano bilet',
    position: 'Miejsce w kolejce: {{position}}',
    wait: 'Szacowany czas oczekiwania: około {{minutes}} min',
    refused: 'Nie wydano biletu: {{message}}',
    next: 'Następny interesant',
  },
  redirect: {
    heading: 'Interesant ma już bilet',
    numberLabel: 'Numer biletu interesanta',
    numberPlaceholder: 'np. B017',
    submit: 'Przekieruj bilet',
    done: 'Bilet {{number}} przekierowano do kategorii „{{category}}”. Interesant zachowuje swoje miejsce w kolejce.',
    invalidNumber: 'Wpisz numer z biletu: litera i cyfry, np. B017.',
  },
  errors: {
    offline:
      'Serwer centralny nie odpowiada: nie wydano ani nie przekierowano biletu. Spróbuj za chwilę.',
    'no-session': 'Sesja wygasła albo zalogowano bez serwera: zaloguj się ponownie.',
    'unknown-ticket': 'Nie ma dziś w tym budynku biletu o tym numerze. Sprawdź numer na bilecie.',
    'ticket-not-waiting':
      'Ten bilet jest już obsługiwany przy stanowisku albo zakończony: przekierować go może tylko urzędnik.',
    refused: 'Serwer odmówił: {{message}}',
    other: 'Nie udało się: {{message}}',
  },
  served: {
    heading: 'Sprawdzone przez Asystenta',
    caseType: 'Sprawa: {{name}}',
    missingCount: 'Brakuje dokumentów: {{count}}',
    complete: 'Wszystkie dokumenty są.',
    states: {
      present: 'jest',
      missing: 'brak',
      'not-needed': 'niepotrzebny',
    },
  },
};

export const assistantEn: typeof assistantPl = {
  title: 'Resident Assistant',
  intro:
    'Choose the case, tick the documents the resident has with them, and send them to the queue.',
  caseType: {
    heading: 'Case',
    searchLabel: 'What has the resident come for? Type part of the case name',
    searchPlaceholder: 'e.g. dowód, meldunek, prawo jazdy',
    results: 'Matching cases',
    noMatch: 'No case name contains “{{query}}”.',
    more: 'Showing {{shown}} of {{count}}: type more to narrow it down.',
    loading: 'Loading cases…',
  },
  documents: {
    heading: 'Documents',
    conditions: 'Applies to the resident',
    none: 'This case needs no documents.',
    hint: 'Arrow keys change a document’s state, Tab moves to the next one.',
    states: {
      present: 'Has it',
      missing: 'Missing',
      'not-needed': 'Not needed',
    },
    unticked: 'not checked',
  },
  missing: {
    heading: 'What is missing',
    none: 'The resident has every document needed.',
    whereToGet: 'Where to get it:',
    print: 'Print the list',
    show: 'Show on screen',
    close: 'Close',
  },
  print: {
    title: 'Dokumenty do przyniesienia',
    caseType: 'Sprawa: {{name}}',
    date: 'Data: {{date}}',
    intro: 'Aby załatwić tę sprawę w urzędzie, prosimy przynieść:',
    whereToGet: 'Gdzie to uzyskać:',
    none: 'Ma Pan/Pani wszystkie potrzebne dokumenty.',
    footer: 'Z kompletem dokumentów prosimy pobrać bilet w biletomacie w holu lub umówić wizytę.',
  },
  ticket: {
    heading: 'Queue',
    category: 'Category in this building',
    noCategory:
      'This case is not handled in this building: direct the resident to the right office.',
    priority: 'Priority (e.g. a person with a disability, a pregnant woman)',
    issue: 'Issue a ticket',
    issued: 'Ticket issued',
    position: 'Place in the queue: {{position}}',
    wait: 'Estimated wait: about {{minutes}} min',
    refused: 'No ticket issued: {{message}}',
    next: 'Next resident',
  },
  redirect: {
    heading: 'The resident already has a ticket',
    numberLabel: 'The resident’s ticket number',
    numberPlaceholder: 'e.g. B017',
    submit: 'Redirect the ticket',
    done: 'Ticket {{number}} redirected to “{{category}}”. The resident keeps their place in the queue.',
    invalidNumber: 'Type the number on the ticket: a letter and digits, e.g. B017.',
  },
  errors: {
    offline:
      'The central server does not answer: no ticket was issued or redirected. Try again shortly.',
    'no-session': 'The session expired or the login was offline: log in again.',
    'unknown-ticket':
      'No ticket with this number today in this building. Check the number on the ticket.',
    'ticket-not-waiting':
      'This ticket is already at a counter or finished: only a clerk can transfer it.',
    refused: 'The server refused: {{message}}',
    other: 'It did not work: {{message}}',
  },
  served: {
    heading: 'Checked by the Resident Assistant',
    caseType: 'Case: {{name}}',
    missingCount: 'Documents missing: {{count}}',
    complete: 'Every document is there.',
    states: {
      present: 'present',
      missing: 'missing',
      'not-needed': 'not needed',
    },
  },
};
