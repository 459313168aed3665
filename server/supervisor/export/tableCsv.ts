import { stringify } from 'csv-stringify/sync';
import type { ExportTable } from '../../../common/contract/central/supervisor';
import type { DurationStats } from '../../../common/contract/central/supervisor';
import { siteLocalTime } from '../../../common/domain/siteClock';
import type { DayReport } from './dayReport';

type Cell = string | number | null;

const SOURCE: Record<string, string> = {
  kiosk: 'biletomat',
  appointment: 'wizyta umówiona',
  assistant: 'asystent',
  'walk-in': 'bez biletu',
  manual: 'ręcznie',
};
const STATUS: Record<string, string> = {
  waiting: 'oczekuje',
  called: 'przy stanowisku',
  parked: 'odłożony',
  'no-show': 'nie podszedł',
  done: 'obsłużony',
};
const ACTION: Record<string, string> = {
  'counter-categories': 'zmiana kategorii stanowiska',
  'counter-opened': 'otwarcie stanowiska',
  'counter-closed': 'zamknięcie stanowiska',
  'ticket-moved': 'przeniesienie biletu',
  'message-sent': 'wiadomość do stanowiska',
};

/** A decimal as a Polish spreadsheet reads it: a comma. */
const decimal = (value: number | null): Cell =>
  value === null ? null : String(value).replace('.', ',');
const percent = (share: number | null): Cell =>
  share === null ? null : decimal(Math.round(share * 1000) / 10);
const stats = (value: DurationStats): Cell[] => [
  decimal(value.medianMinutes),
  decimal(value.p90Minutes),
];
const minutes = (ms: number | null): Cell =>
  ms === null ? null : decimal(Math.round(ms / 6000) / 10);
const zloty = (grosze: number): Cell => decimal(grosze / 100);

function tableRows(report: DayReport, table: ExportTable): Cell[][] {
  const time = (at: number | null): Cell =>
    at === null ? null : siteLocalTime(new Date(at), report.timeZone).time;
  const timeOf = (iso: string | null): Cell => (iso === null ? null : time(Date.parse(iso)));
  switch (table) {
    case 'tickets':
      return [
        [
          'numer',
          'kategoria',
          'źródło',
          'pierwszeństwo',
          'wizyta umówiona',
          'stan',
          'wydany',
          'pierwsze wywołanie',
          'obsługa od',
          'zakończony',
          'oczekiwanie (min)',
          'obsługa (min)',
          'stanowisko',
        ],
        ...report.tickets.map((ticket) => [
          ticket.number,
          ticket.prefix,
          SOURCE[ticket.source] ?? ticket.source,
          ticket.priority ? 'tak' : 'nie',
          ticket.appointment ? 'tak' : 'nie',
          STATUS[ticket.status] ?? ticket.status,
          time(ticket.issuedAt),
          time(ticket.firstCalledAt),
          time(ticket.servedAt),
          time(ticket.finishedAt),
          minutes(
            ticket.firstCalledAt === null || ticket.source === 'walk-in'
              ? null
              : Math.max(0, ticket.firstCalledAt - Math.max(ticket.issuedAt, ticket.queuedAt)),
          ),
          minutes(
            ticket.status === 'done' && ticket.servedAt !== null && ticket.finishedAt !== null
              ? ticket.finishedAt - ticket.servedAt
              : null,
          ),
          ticket.counterNumber,
        ]),
      ];
    case 'counters':
      return [
        [
          'stanowisko',
          'nazwa',
          'obsłużeni',
          'obsługa mediana (min)',
          'obsługa 90. percentyl (min)',
        ],
        ...report.counters.map((counter) => [
          counter.number,
          counter.name,
          counter.served,
          ...stats(counter.service),
        ]),
      ];
    case 'clerks':
      return [
        [
          'login',
          'obsłużeni',
          'nieobecni',
          'przekazania',
          'oczekiwanie mediana (min)',
          'oczekiwanie 90. percentyl (min)',
          'obsługa mediana (min)',
          'obsługa 90. percentyl (min)',
          `w czasie docelowym ${report.targetWaitMinutes} min (%)`,
        ],
        ...report.clerks.map((clerk) => [
          clerk.login,
          clerk.served,
          clerk.noShows,
          clerk.transfers,
          ...stats(clerk.wait),
          ...stats(clerk.service),
          percent(clerk.withinTarget.share),
        ]),
      ];
    case 'categories':
      return [
        [
          'prefiks',
          'kategoria',
          'wydane',
          'obsłużone',
          'nieobecni',
          'oczekiwanie mediana (min)',
          'oczekiwanie 90. percentyl (min)',
          'obsługa mediana (min)',
          'obsługa 90. percentyl (min)',
          `w czasie docelowym ${report.targetWaitMinutes} min (%)`,
        ],
        ...report.categories.map((category) => [
          category.prefix,
          category.name,
          category.issued,
          category.served,
          category.noShows,
          ...stats(category.wait),
          ...stats(category.service),
          percent(category.withinTarget.share),
        ]),
      ];
    case 'timeline':
      return [
        ['od', 'przybyli', 'obsłużeni', 'oczekujący na koniec'],
        ...report.timeline.map((slot) => [
          slot.label,
          slot.arrivals,
          slot.served,
          slot.waitingAtEnd,
        ]),
      ];
    case 'payments':
      return [
        [
          'terminal',
          'stanowisko',
          'metoda',
          'liczba',
          'kwota (zł)',
          'zamknięcie dnia',
          'zamknięcie o',
        ],
        ...report.payments.terminals.flatMap((terminal) =>
          terminal.methods.map((method) => [
            terminal.terminalId,
            terminal.counterNumber,
            method.method === 'card' ? 'karta' : 'BLIK',
            method.count,
            zloty(method.totalGrosze),
            terminal.endOfDay === 'balanced'
              ? 'zgodne'
              : terminal.endOfDay === 'differences'
                ? 'różnice'
                : 'nie wykonano',
            timeOf(terminal.endOfDayAt),
          ]),
        ),
      ];
    case 'actions':
      // The message's text stays out: a supervisor may have named someone in it.
      return [
        ['godzina', 'kto', 'działanie', 'stanowisko', 'bilet'],
        ...[...report.actions]
          .reverse()
          .map((action) => [
            timeOf(action.at),
            action.actor,
            ACTION[action.kind] ?? action.kind,
            action.counterId,
            action.ticketNumber,
          ]),
      ];
  }
}

/**
 * One table of the day as CSV for a Polish spreadsheet: `;`-separated, decimal commas, UTF-8
 * with a byte order mark (so Excel reads ą, ę, ł right), CRLF line ends.
 */
export function tableCsv(report: DayReport, table: ExportTable): string {
  return stringify(tableRows(report, table), {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    cast: { number: (value) => String(value) },
  });
}

/** `okienko-<site>-<day>-<what>.<ext>`: plain ASCII, sorts by day. */
export function exportFileName(
  report: Pick<DayReport, 'siteId' | 'day'>,
  what: string,
  ext: string,
): string {
  return `okienko-${report.siteId}-${report.day}-${what}.${ext}`;
}
