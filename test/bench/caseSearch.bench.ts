import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, it } from 'vitest';
import { caseSearchStatement, planCaseSearch, searchCases } from '../../main/cases/caseSearch';
import { displayName, nameKey } from '../../main/cases/nameKey';
import { peselFor } from '../../main/cases/testing/caseFixtures';
import { openDatabase } from '../../main/db';
import { ms, report, summarize } from './stats';

// The case search as a clerk types into it, on a counter PC's cache of 1,000,000 cases (far
// more than retention lets one PC keep: the worst case). Each keystroke runs the real search
// (an index range scan, or for a prefix that matches thousands of cases a newest-first walk,
// 20 results); beside it the same statement with the index forbidden (`NOT INDEXED`: a full
// scan), and the ratio. Then the `PRAGMA quick_check`
// that every start runs (main/db/openDatabase.ts), on that file.

const ROWS = 1_000_000;
const TYPISTS = 200;
const SCAN_TYPISTS = 10;
const LIMIT = 20;

const SURNAMES = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
  'Wojciechowski',
  'Kwiatkowski',
  'Krawczyk',
  'Kaczmarek',
  'Piotrowski',
  'Grabowski',
  'Zając',
  'Pawłowski',
  'Michalski',
  'Król',
  'Wieczorek',
  'Jabłoński',
  'Wróbel',
  'Nowakowski',
  'Majewski',
  'Olszewski',
  'Stępień',
  'Malinowski',
  'Jaworski',
  'Adamczyk',
  'Dudek',
  'Nowicki',
  'Pawlak',
  'Górski',
  'Witkowski',
  'Walczak',
  'Sikora',
  'Baran',
  'Rutkowski',
  'Michalak',
  'Szewczyk',
  'Ostrowski',
  'Tomaszewski',
  'Pietrzak',
  'Marciniak',
  'Wróblewski',
  'Zalewski',
  'Jakubowski',
  'Jasiński',
  'Zawadzki',
  'Sadowski',
  'Bąk',
  'Chmielewski',
  'Włodarczyk',
  'Borkowski',
  'Czarnecki',
  'Sawicki',
  'Sokołowski',
  'Urbański',
  'Kubiak',
  'Maciejewski',
  'Szczepański',
  'Kucharski',
  'Wilk',
  'Kalinowski',
  'Lis',
  'Mazurek',
  'Wysocki',
  'Adamski',
  'Kaźmierczak',
  'Wasilewski',
  'Sobczak',
  'Czerwiński',
  'Andrzejewski',
  'Cieślak',
  'Głowacki',
  'Zakrzewski',
  'Kołodziej',
  'Sikorski',
  'Krajewski',
  'Gajewski',
  'Szymczak',
  'Szulc',
  'Baranowski',
  'Laskowski',
  'Brzeziński',
  'Makowski',
  'Ziółkowski',
  'Przybylski',
  'Żółć',
  'Łęcki',
  'Ślusarczyk',
];
const FIRST_NAMES = [
  'Anna',
  'Maria',
  'Katarzyna',
  'Małgorzata',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Krystyna',
  'Elżbieta',
  'Zofia',
  'Jan',
  'Piotr',
  'Krzysztof',
  'Andrzej',
  'Tomasz',
  'Paweł',
  'Michał',
  'Marcin',
  'Stanisław',
  'Józef',
  'Łukasz',
  'Grzegorz',
  'Jerzy',
  'Tadeusz',
  'Adam',
  'Zbigniew',
  'Ryszard',
  'Dariusz',
  'Henryk',
  'Mariusz',
  'Jolanta',
  'Iwona',
  'Grażyna',
  'Halina',
  'Jadwiga',
];

/** A repeatable pseudo-random sequence: the same file and the same keystrokes every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(list: readonly T[], random: () => number): T =>
  list[Math.floor(random() * list.length)]!;

type Person = { pesel: string; lastName: string };

let dir: string;
let file: string;
let db: Database.Database;
const people: Person[] = [];
const rows: Record<string, string | number>[] = [];

function femaleForm(surname: string, female: boolean): string {
  if (!female) return surname;
  if (surname.endsWith('ski')) return `${surname.slice(0, -3)}ska`;
  if (surname.endsWith('cki')) return `${surname.slice(0, -3)}cka`;
  if (surname.endsWith('dzki')) return `${surname.slice(0, -4)}dzka`;
  return surname;
}

function fill(handle: Database.Database): number {
  const random = seeded(20260302);
  const insert = handle.prepare(
    `INSERT INTO cases (case_id, mutation_id, case_number, status, case_type_id, ticket_number,
       fee_grosze, clerk_login, submitted_at, registered_at, registration, pesel, name_key,
       applicant_name)
     VALUES (?, ?, ?, 'registered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.parse('2024-01-01T07:00:00.000Z');
  const started = performance.now();
  handle.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) {
      const year = 1930 + Math.floor(random() * 80);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const serial = Math.floor(random() * 10_000);
      const female = serial % 2 === 0 ? (Math.floor(serial / 10) % 10) % 2 === 0 : false;
      const pesel = peselFor({ year, month, day }, serial);
      const firstName = pick(FIRST_NAMES, random);
      const lastName = femaleForm(pick(SURNAMES, random), female);
      const submittedAt = new Date(start + i * 60_000).toISOString();
      const caseId = crypto.randomUUID();
      const registration = JSON.stringify({
        caseId,
        siteId: 'slaska',
        counterNumber: 3,
        clerkLogin: 'urzednik1',
        caseTypeId: 'zaswiadczenie-o-zameldowaniu',
        ticketId: null,
        ticketNumber: null,
        applicant: {
          identity: { kind: 'pesel', pesel },
          firstName,
          lastName,
          address: { street: 'ul. Słowackiego 12/4', postalCode: '50-411', city: 'Wrocław' },
          phone: null,
          email: null,
        },
        representative: null,
        conditions: [],
        documents: [{ documentId: 'dowod-tozsamosci', state: 'present' }],
        exemptionId: null,
        feeGrosze: 1700,
        fields: { cel: 'do banku' },
        notes: '',
        submittedAt,
      });
      insert.run(
        caseId,
        crypto.randomUUID(),
        `SO.5332.${i + 1}.${2024 + Math.floor(i / 500_000)}`,
        'zaswiadczenie-o-zameldowaniu',
        null,
        1700,
        'urzednik1',
        submittedAt,
        submittedAt,
        registration,
        pesel,
        nameKey(lastName, firstName),
        displayName(lastName, firstName),
      );
      if (i % Math.floor(ROWS / TYPISTS) === 0) people.push({ pesel, lastName });
    }
  })();
  return performance.now() - started;
}

/** The same statement as the search, the index forbidden: what a search without one costs. */
function fullScan(handle: Database.Database, query: string): void {
  const plan = planCaseSearch(query);
  if (plan.by === 'nothing') return;
  const { sql, params } = caseSearchStatement(plan, LIMIT);
  const scanned = sql.replace(/FROM cases INDEXED BY \w+/, 'FROM cases NOT INDEXED');
  if (scanned === sql) throw new Error('the search statement changed: update the benchmark');
  handle.prepare(scanned).all(...params);
}

/** Times each keystroke: the query after 1, 2, … characters of `text`. */
function typeInto(
  text: string,
  search: (query: string) => void,
  samples: Map<number, number[]>,
): void {
  for (let length = 1; length <= text.length; length += 1) {
    const query = text.slice(0, length);
    const started = performance.now();
    search(query);
    const took = performance.now() - started;
    const list = samples.get(length) ?? [];
    list.push(took);
    samples.set(length, list);
  }
}

function measure(what: string, texts: readonly string[], scanTexts: readonly string[]): void {
  const indexed = new Map<number, number[]>();
  const scanned = new Map<number, number[]>();
  for (const text of texts) typeInto(text, (query) => searchCases(db, query, LIMIT), indexed);
  for (const text of scanTexts) typeInto(text, (query) => fullScan(db, query), scanned);
  const all = (samples: Map<number, number[]>) => [...samples.values()].flat();
  const lengths = [...indexed.keys()].sort((a, b) => a - b);
  for (const length of lengths) {
    const index = summarize(indexed.get(length) ?? []);
    const scan = summarize(scanned.get(length) ?? []);
    rows.push({
      typing: what,
      keystroke: length,
      searches: index.count,
      'p50 indexed': ms(index.p50),
      'p99 indexed': ms(index.p99),
      'p50 full scan': scan.count ? ms(scan.p50) : '—',
      'scan / indexed (p50)': scan.count ? `${(scan.p50 / index.p50).toFixed(0)}×` : '—',
    });
  }
  const index = summarize(all(indexed));
  const scan = summarize(all(scanned));
  rows.push({
    typing: what,
    keystroke: 'all',
    searches: index.count,
    'p50 indexed': ms(index.p50),
    'p99 indexed': ms(index.p99),
    'p50 full scan': ms(scan.p50),
    'scan / indexed (p50)': `${(scan.p50 / index.p50).toFixed(0)}×`,
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-case-bench-'));
  file = path.join(dir, 'okienko.sqlite');
  db = openDatabase(file).db;
  const fillMs = fill(db);
  console.log(`\nfilled ${ROWS.toLocaleString('en')} cases in ${(fillMs / 1000).toFixed(1)} s`);
});

afterAll(() => {
  if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('case search per keystroke on 1,000,000 cached cases: index vs full scan', () => {
  // Warm the page cache as a PC that has been running would have it.
  searchCases(db, '0', LIMIT);
  measure(
    'PESEL, digit by digit',
    people.map((person) => person.pesel),
    people.slice(0, SCAN_TYPISTS).map((person) => person.pesel),
  );
  measure(
    'surname, letter by letter',
    people.map((person) => person.lastName.toLowerCase()),
    people.slice(0, SCAN_TYPISTS).map((person) => person.lastName.toLowerCase()),
  );
  report(`Case search: ${ROWS.toLocaleString('en')} cases, ${LIMIT} results, newest first`, rows);
});

it('quick_check at start on the 1,000,000-case file', () => {
  db.close();
  const bytes = fs.statSync(file).size;
  const opens: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    let started = performance.now();
    const opened = openDatabase(file).db;
    opens.push(performance.now() - started);
    started = performance.now();
    opened.prepare('PRAGMA quick_check').pluck().all();
    checks.push(performance.now() - started);
    opened.close();
  }
  report('Start-up on the 1,000,000-case file', [
    {
      'file size': `${(bytes / 2 ** 20).toFixed(0)} MiB`,
      'openDatabase (incl. quick_check) p50': ms(summarize(opens).p50),
      'PRAGMA quick_check alone p50': ms(summarize(checks).p50),
      runs: opens.length,
    },
  ]);
});
