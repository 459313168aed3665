import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { DurationStats, TimelineBucket } from '../../../common/contract/central/supervisor';
import { formatMoney } from '../../../common/domain/money';
import { siteLocalTime } from '../../../common/domain/siteClock';
import type { DayReport } from './dayReport';

/**
 * The font travels with the app (npm `dejavu-fonts-ttf`, the Bitstream Vera licence in its
 * LICENSE): pdfkit's built-in fonts have no ą, ę, ł, ś, ź, ż, and a Windows counter PC has no
 * DejaVu of its own.
 */
const requireFromHere = createRequire(import.meta.url);
export const REPORT_FONT = requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const REPORT_FONT_BOLD = requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 50;
const INK = '#1a1a1a';
const ARRIVALS = '#1f5fa8';
const SERVED = '#2e8540';
const WAITING = '#b35900';

const minutes = (value: number | null) =>
  value === null ? '—' : `${String(value).replace('.', ',')} min`;
const statsText = (stats: DurationStats) =>
  `${minutes(stats.medianMinutes)} / ${minutes(stats.p90Minutes)}`;
const percentText = (share: number | null) =>
  share === null ? '—' : `${String(Math.round(share * 1000) / 10).replace('.', ',')}%`;

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.8).font('bold').fontSize(13).fillColor(INK).text(text, MARGIN).moveDown(0.3);
  doc.font('regular').fontSize(10);
}

/** Rows of label/value pairs, two columns. */
function pairs(doc: Doc, rows: readonly [string, string][]): void {
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.text(label, MARGIN, y, { width: 300 });
    doc.text(value, MARGIN + 310, y, { width: 200 });
    doc.moveDown(0.2);
  }
}

/** A simple table: a bold header row, then the rows, columns of the given widths. */
function table(doc: Doc, widths: readonly number[], rows: readonly (readonly string[])[]): void {
  rows.forEach((row, index) => {
    if (doc.y > doc.page.height - 70) doc.addPage();
    const y = doc.y;
    doc.font(index === 0 ? 'bold' : 'regular').fontSize(9);
    let x = MARGIN;
    let bottom = y;
    row.forEach((cell, column) => {
      const width = widths[column] ?? 60;
      doc.text(cell, x, y, { width: width - 4 });
      bottom = Math.max(bottom, doc.y);
      x += width;
    });
    doc.y = bottom + 2;
  });
  doc.font('regular').fontSize(10);
}

/** Arrivals and services per 15 minutes as paired bars, with hour labels under the axis. */
function barChart(doc: Doc, timeline: readonly TimelineBucket[]): void {
  const height = 140;
  const { width, top, bottom } = chartFrame(doc, height);
  const max = Math.max(1, ...timeline.map((slot) => Math.max(slot.arrivals, slot.served)));
  const slotWidth = width / Math.max(1, timeline.length);
  const bar = Math.max(1, slotWidth / 2 - 1);
  timeline.forEach((slot, index) => {
    const x = MARGIN + index * slotWidth;
    const arrived = (slot.arrivals / max) * height;
    const served = (slot.served / max) * height;
    if (arrived > 0) doc.rect(x, bottom - arrived, bar, arrived).fill(ARRIVALS);
    if (served > 0) doc.rect(x + bar, bottom - served, bar, served).fill(SERVED);
    hourLabel(doc, slot.label, x, bottom);
  });
  chartScale(doc, max, top, bottom);
  legend(doc, [
    [ARRIVALS, 'przybyli (bilety wydane)'],
    [SERVED, 'obsłużeni'],
  ]);
}

/** How many waited over the day, as a line. */
function lineChart(doc: Doc, timeline: readonly TimelineBucket[]): void {
  const height = 110;
  const { width, top, bottom } = chartFrame(doc, height);
  const max = Math.max(1, ...timeline.map((slot) => slot.waitingAtEnd));
  const step = width / Math.max(1, timeline.length - 1);
  if (timeline.length > 0) {
    doc.lineWidth(1.5).strokeColor(WAITING);
    timeline.forEach((slot, index) => {
      const x = MARGIN + index * step;
      const y = bottom - (slot.waitingAtEnd / max) * height;
      if (index === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.stroke();
    timeline.forEach((slot, index) => hourLabel(doc, slot.label, MARGIN + index * step, bottom));
  }
  chartScale(doc, max, top, bottom);
  legend(doc, [[WAITING, 'oczekujący (na koniec każdego kwadransa)']]);
}

/** A chart's box under the text so far (on a new page when it does not fit), its axis drawn. */
function chartFrame(doc: Doc, height: number): { width: number; top: number; bottom: number } {
  const width = doc.page.width - 2 * MARGIN;
  if (doc.y > doc.page.height - height - 80) doc.addPage();
  const top = doc.y + 10;
  const bottom = top + height;
  doc
    .lineWidth(0.5)
    .strokeColor('#888')
    .moveTo(MARGIN, bottom)
    .lineTo(MARGIN + width, bottom)
    .stroke();
  return { width, top, bottom };
}

/** The hour under the axis, at a slot that starts a full hour (`x`: the slot's left edge). */
function hourLabel(doc: Doc, label: string, x: number, bottom: number): void {
  if (!label.endsWith(':00')) return;
  doc
    .fillColor(INK)
    .fontSize(7)
    .text(label.slice(0, 2), x - 4, bottom + 3, { width: 20 });
}

/** The chart's scale over its top left corner; the text goes on below the chart. */
function chartScale(doc: Doc, max: number, top: number, bottom: number): void {
  doc
    .fillColor(INK)
    .fontSize(7)
    .text(`maks. ${max}`, MARGIN, top - 8);
  doc.y = bottom + 16;
}

function legend(doc: Doc, entries: readonly [string, string][]): void {
  let x = MARGIN;
  const y = doc.y;
  for (const [color, label] of entries) {
    doc.rect(x, y + 2, 8, 8).fill(color);
    doc
      .fillColor(INK)
      .fontSize(8)
      .text(label, x + 12, y, { lineBreak: false });
    x += 20 + doc.widthOfString(label);
  }
  doc.y = y + 14;
  doc.x = MARGIN;
  doc.fontSize(10);
}

const FORECAST_STATUS: Record<string, string> = {
  ok: 'kolejka opróżni się przed zamknięciem',
  'at-risk': 'UWAGA: osoby z biletem sprzed godziny granicznej mogą nie zostać obsłużone',
  overrun: 'kolejka opróżni się dopiero po zamknięciu',
  'no-counters': 'nikt nie obsługuje, a są oczekujący',
  closed: 'urząd zamknięty',
  empty: 'nikt nie czeka',
};
const RECONCILIATION: Record<string, string> = {
  balanced: 'zgodne',
  differences: 'różnice do wyjaśnienia',
  'not-run': 'nie wykonano',
};

/**
 * The shift report as a PDF, in Polish: the day's figures, the charts (drawn with pdfkit's own
 * shapes), the categories, the clerks, the payments, the supervisors' actions. No personal
 * data of residents: tickets appear as counts only.
 */
export function renderShiftReport(report: DayReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Raport zmiany ${report.siteName} ${report.day}`, Author: 'Okienko' },
  });
  doc.registerFont('regular', REPORT_FONT);
  doc.registerFont('bold', REPORT_FONT_BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const generated = siteLocalTime(new Date(report.generatedAt), report.timeZone);
  doc.font('bold').fontSize(18).fillColor(INK).text(`Raport zmiany — ${report.siteName}`);
  doc
    .font('regular')
    .fontSize(10)
    .text(
      `Dzień ${report.day}${report.hours ? `, godziny obsługi ${report.hours.opens}–${report.hours.closes}` : ', urząd nieczynny'}. Wygenerowano ${generated.day} ${generated.time}.`,
    );

  const { figures } = report;
  heading(doc, 'Podsumowanie dnia');
  pairs(doc, [
    ['Wydane bilety', String(figures.issued)],
    ['Obsłużeni', String(figures.served)],
    ['Nie podeszli', String(figures.noShows)],
    ['Przekazania do innej kategorii lub stanowiska', String(figures.transfers)],
    ['Czas oczekiwania: mediana / 90. percentyl', statsText(figures.wait)],
    ['Czas obsługi: mediana / 90. percentyl', statsText(figures.service)],
    [
      `Wywołani w czasie docelowym (${report.targetWaitMinutes} min)`,
      `${percentText(figures.withinTarget.share)} (${figures.withinTarget.within} z ${figures.withinTarget.of})`,
    ],
  ]);

  if (report.forecast) {
    const forecast = report.forecast;
    const at = (iso: string | null) =>
      iso === null ? '—' : siteLocalTime(new Date(iso), report.timeZone).time;
    heading(doc, 'Prognoza');
    pairs(doc, [
      ['Stan', FORECAST_STATUS[forecast.status] ?? forecast.status],
      ['Oczekujący / otwarte stanowiska', `${forecast.waiting} / ${forecast.openCounters}`],
      ['Kolejka pusta około', at(forecast.emptyAt)],
      ['Zamknięcie', at(forecast.closesAt)],
      [`Bilety sprzed ${forecast.cutoff} zagrożone`, String(forecast.atRiskTickets)],
    ]);
  }

  heading(doc, 'Przybyli i obsłużeni na kwadrans');
  barChart(doc, report.timeline);
  heading(doc, 'Oczekujący w ciągu dnia');
  lineChart(doc, report.timeline);

  heading(doc, 'Kategorie');
  table(
    doc,
    [45, 130, 45, 60, 55, 90, 75],
    [
      [
        'Prefiks',
        'Kategoria',
        'Wydane',
        'Obsłużone',
        'Nie podeszli',
        'Oczekiwanie med./90.',
        'W czasie doc.',
      ],
      ...[...report.categories]
        .sort((a, b) => a.prefix.localeCompare(b.prefix))
        .map((category) => [
          category.prefix,
          category.name,
          String(category.issued),
          String(category.served),
          String(category.noShows),
          statsText(category.wait),
          percentText(category.withinTarget.share),
        ]),
    ],
  );

  heading(doc, 'Urzędnicy');
  table(
    doc,
    [120, 60, 60, 65, 90, 90],
    [
      ['Login', 'Obsłużeni', 'Nie podeszli', 'Przekazania', 'Obsługa med./90.', 'W czasie doc.'],
      ...report.clerks.map((clerk) => [
        clerk.login,
        String(clerk.served),
        String(clerk.noShows),
        String(clerk.transfers),
        statsText(clerk.service),
        percentText(clerk.withinTarget.share),
      ]),
    ],
  );

  heading(doc, 'Płatności');
  const { payments } = report;
  pairs(doc, [
    ['Razem', formatMoney(payments.totalGrosze)],
    ...payments.methods.map((method): [string, string] => [
      method.method === 'card' ? 'Karta' : 'BLIK',
      `${formatMoney(method.totalGrosze)} (${method.count} płatności)`,
    ]),
    ['Zamknięcie dnia', RECONCILIATION[payments.reconciliation] ?? payments.reconciliation],
  ]);
  if (payments.terminals.length > 0) {
    table(
      doc,
      [110, 70, 130, 150],
      [
        ['Terminal', 'Stanowisko', 'Kwota', 'Zamknięcie dnia'],
        ...payments.terminals.map((terminal) => [
          terminal.terminalId ?? '—',
          terminal.counterNumber === null ? '—' : String(terminal.counterNumber),
          formatMoney(terminal.totalGrosze),
          RECONCILIATION[terminal.endOfDay] ?? terminal.endOfDay,
        ]),
      ],
    );
  }

  heading(doc, 'Działania kierownika zmiany');
  if (report.actions.length === 0) doc.text('Brak.');
  else {
    table(
      doc,
      [50, 100, 200, 110],
      [
        ['Godzina', 'Kto', 'Działanie', 'Bilet / stanowisko'],
        ...[...report.actions]
          .reverse()
          .map((action) => [
            siteLocalTime(new Date(action.at), report.timeZone).time,
            action.actor,
            ACTION_NAMES[action.kind] ?? action.kind,
            action.ticketNumber ?? action.counterId ?? '',
          ]),
      ],
    );
  }

  doc.end();
  return done;
}

const ACTION_NAMES: Record<string, string> = {
  'counter-categories': 'zmiana kategorii stanowiska',
  'counter-opened': 'wznowienie stanowiska',
  'counter-closed': 'zamknięcie stanowiska',
  'ticket-moved': 'przeniesienie biletu do innej kategorii',
  'message-sent': 'wiadomość do stanowiska',
};
