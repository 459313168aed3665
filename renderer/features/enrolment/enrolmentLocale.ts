// The first-start screen and the provisioning notes (docs/provisioning.md).
export const enrolmentPl = {
  windowTitle: 'Pierwsze uruchomienie',
  heading: 'Rejestracja stanowiska',
  intro:
    'To stanowisko nie jest jeszcze zarejestrowane na serwerze centralnym. Wpisz adres serwera i kod rejestracyjny otrzymany od działu IT.',
  centralUrl: 'Adres serwera centralnego',
  code: 'Kod rejestracyjny',
  codeHint: '12 znaków, np. K7QP-2MXD-9HTR (wielkość liter i myślniki nie mają znaczenia)',
  submit: 'Zarejestruj stanowisko',
  submitting: 'Rejestrowanie…',
  checking: 'Sprawdzanie rejestracji stanowiska…',
  errors: {
    'enrolment-code-unknown': 'Nie ma takiego kodu. Sprawdź, czy został wpisany bez błędów.',
    'enrolment-code-used':
      'Ten kod został już użyty. Poproś dział IT o nowy kod dla tego stanowiska.',
    'enrolment-code-expired': 'Ten kod wygasł. Poproś dział IT o nowy kod dla tego stanowiska.',
    'too-many-attempts': 'Zbyt wiele nieudanych prób. Odczekaj kilka minut i spróbuj ponownie.',
    'central-unreachable':
      'Nie można połączyć się z serwerem centralnym. Sprawdź adres i połączenie sieciowe.',
    'central-refused': 'Serwer centralny odmówił rejestracji: {{message}}',
    'identity-not-stored':
      'Nie udało się bezpiecznie zapisać tożsamości stanowiska. Skontaktuj się z działem IT.',
    'invalid-payload': 'Wpisz poprawny adres (http:// lub https://) i kod.',
    other: 'Rejestracja nie powiodła się: {{message}}',
  },
  info: {
    heading: 'Ustawienia z serwera centralnego',
    fetchedAt: 'Pobrane: {{at}}',
    never: 'Jeszcze nie pobrane: obowiązują ustawienia lokalne.',
    pending:
      'Serwer centralny zmienił ustawienia tego stanowiska (terminal, drukarka, stanowisko). Zmiany zaczną obowiązywać po ponownym uruchomieniu aplikacji.',
    identity: 'Tożsamość stanowiska: {{location}}',
    problem: 'Problem: {{problem}}',
  },
};

export const enrolmentEn: typeof enrolmentPl = {
  windowTitle: 'First start',
  heading: 'Register this workstation',
  intro:
    'This workstation is not registered at the central server yet. Type the server’s address and the enrolment code you got from IT.',
  centralUrl: 'Central server address',
  code: 'Enrolment code',
  codeHint: '12 characters, e.g. K7QP-2MXD-9HTR (case and dashes do not matter)',
  submit: 'Register workstation',
  submitting: 'Registering…',
  checking: 'Checking this workstation’s registration…',
  errors: {
    'enrolment-code-unknown': 'There is no such code. Check it for typing errors.',
    'enrolment-code-used': 'This code has been used already. Ask IT for a new code for this PC.',
    'enrolment-code-expired': 'This code has expired. Ask IT for a new code for this PC.',
    'too-many-attempts': 'Too many failed attempts. Wait a few minutes and try again.',
    'central-unreachable':
      'The central server cannot be reached. Check the address and the network connection.',
    'central-refused': 'The central server refused the enrolment: {{message}}',
    'identity-not-stored': 'The workstation’s identity could not be stored safely. Call IT.',
    'invalid-payload': 'Type a valid address (http:// or https://) and a code.',
    other: 'The enrolment failed: {{message}}',
  },
  info: {
    heading: 'Settings from the central server',
    fetchedAt: 'Fetched: {{at}}',
    never: 'Not fetched yet: the local settings apply.',
    pending:
      'The central server has changed this workstation’s settings (terminal, printer, counter). The changes apply when the app is started again.',
    identity: 'Workstation identity: {{location}}',
    problem: 'Problem: {{problem}}',
  },
};
