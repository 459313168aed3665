/** What the display board says, in Polish (the hall's language; ticket numbers need none). */
export const displayStrings = {
  title: 'Tablica wywołań',
  ticket: 'Numer',
  counter: 'Stanowisko',
  counterShort: 'stan.',
  lastCalls: 'Ostatnie wywołania',
  recalled: 'ponownie,',
  noneServed: 'Zapraszamy',
  noneServedDetail: 'Wywołane numery i stanowiska pojawią się tutaj.',
  connecting: 'Łączenie z systemem kolejki…',
  offline: 'Brak połączenia z systemem kolejki: ponawiamy…',
  enableSound: 'Włącz dźwięk',
  setupTitle: 'Tablica nie jest jeszcze skonfigurowana',
  missingSite: 'Adres strony powinien wskazywać budynek, np. /hall/display.html?site=slaska.',
  unknownSite: (siteId: string) => `System kolejki nie zna budynku „${siteId}”.`,
  /** For screen readers, and the rows' names: "Numer B017, stanowisko 4." */
  announce: ({ ticketNumber, counterNumber }: { ticketNumber: string; counterNumber: number }) =>
    `Numer ${ticketNumber}, stanowisko ${counterNumber}.`,
} as const;
