// The diagnostics feature's strings; pl.ts and en.ts take them in under `diagnostics`.
export const diagnosticsPl = {
  heading: 'Diagnostyka dla działu IT',
  hint: 'Wysyła na serwer centralny dzienniki (bez danych osobowych), wersje, ustawienia bez haseł i stan synchronizacji.',
  preview: 'Co zostanie wysłane',
  previewTotal: 'Razem {{size}}, do: {{destination}}',
  noDestination: 'brak serwera centralnego',
  send: 'Wyślij diagnostykę',
  sending: 'Wysyłanie…',
  sent: 'Wysłano. Numer zgłoszenia: {{id}}, rozmiar {{size}}.',
  failed: 'Nie wysłano: {{message}}',
  kinds: {
    log: 'dziennik',
    versions: 'wersje',
    config: 'ustawienia',
    sync: 'stan synchronizacji',
  },
};

export const diagnosticsEn: typeof diagnosticsPl = {
  heading: 'Diagnostics for IT',
  hint: 'Sends the logs (without personal data), versions, settings without passwords and the sync state to the central server.',
  preview: 'What will be sent',
  previewTotal: '{{size}} in all, to: {{destination}}',
  noDestination: 'no central server',
  send: 'Send diagnostics',
  sending: 'Sending…',
  sent: 'Sent. Reference: {{id}}, size {{size}}.',
  failed: 'Not sent: {{message}}',
  kinds: {
    log: 'log',
    versions: 'versions',
    config: 'settings',
    sync: 'sync state',
  },
};
