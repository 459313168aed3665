// The updates feature's strings; pl.ts and en.ts take them in under `updates`.
export const updatesPl = {
  label: 'Aktualizacja programu',
  downloading: 'Dostępna nowa wersja {{version}} — trwa pobieranie w tle.',
  ready: 'Dostępna nowa wersja {{version}} — zostanie zainstalowana po godzinach pracy.',
  notSupported:
    'Dostępna nowa wersja {{version}}. Ten komputer aktualizuje dział IT (aktualna: {{current}}).',
  installing: 'Instalowanie wersji {{version}}: program za chwilę uruchomi się ponownie.',
  installNow: 'Zainstaluj teraz',
  installNowHint: 'Program zamknie się na około minutę i uruchomi ponownie.',
  blocked: {
    'payment-in-progress': 'Instalacja możliwa po zakończeniu płatności.',
    'visit-in-progress': 'Instalacja możliwa po zakończeniu obsługi interesanta.',
  },
  failed: 'Nie udało się zainstalować: {{message}}',
};

export const updatesEn: typeof updatesPl = {
  label: 'App update',
  downloading: 'New version {{version}} available — downloading in the background.',
  ready: 'New version {{version}} available — it will be installed after opening hours.',
  notSupported:
    'New version {{version}} available. IT updates this computer (running: {{current}}).',
  installing: 'Installing version {{version}}: the app restarts in a moment.',
  installNow: 'Install now',
  installNowHint: 'The app closes for about a minute and starts again.',
  blocked: {
    'payment-in-progress': 'Can be installed once the payment has ended.',
    'visit-in-progress': 'Can be installed once the visit has ended.',
  },
  failed: 'Could not install: {{message}}',
};
