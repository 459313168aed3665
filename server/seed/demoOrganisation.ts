import type { Category, Counter, Department, Site } from '../../common/contract/central/reference';
import { demoSchedule } from './demoTimetables';

/**
 * DEMO DATA (every entity says `demo: true`): a city hall shaped like the one in the article
 * (Urząd Miasta Częstochowy), with its three addresses. Names, caps and counters are
 * invented for a demonstration and are replaced on the central server by the real ones.
 */
const demo = true;

export const demoSites: Site[] = [
  {
    id: 'slaska',
    name: 'Urząd Miasta — budynek główny, ul. Śląska',
    address: 'ul. Śląska 11/13, 42-217 Częstochowa',
    hasLocker: false,
    targetWaitMinutes: 20,
    schedule: demoSchedule,
    demo,
  },
  {
    id: 'waszyngtona',
    name: 'Urząd Miasta — ul. Waszyngtona',
    address: 'ul. Waszyngtona 5, 42-217 Częstochowa',
    hasLocker: false,
    targetWaitMinutes: 20,
    schedule: demoSchedule,
    demo,
  },
  {
    id: 'focha',
    name: 'Urząd Miasta — ul. Focha (urzędomat)',
    address: 'ul. Focha 19/21, 42-217 Częstochowa',
    hasLocker: true,
    targetWaitMinutes: 15,
    schedule: demoSchedule,
    demo,
  },
];

export const demoDepartments: Department[] = [
  { id: 'so', name: 'Wydział Spraw Obywatelskich', unitSymbol: 'SO', demo },
  { id: 'km', name: 'Wydział Komunikacji', unitSymbol: 'KM', demo },
  { id: 'lo', name: 'Wydział Lokalowy', unitSymbol: 'LO', demo },
  { id: 'usc', name: 'Urząd Stanu Cywilnego', unitSymbol: 'USC', demo },
  { id: 'ab', name: 'Wydział Architektury i Budownictwa', unitSymbol: 'AB', demo },
  {
    id: 'on',
    name: 'Miejski Zespół ds. Orzekania o Niepełnosprawności',
    unitSymbol: 'ON',
    demo,
  },
];

/**
 * The six kinds of affairs residents book visits for (civil, vehicles, housing, weddings,
 * construction, disability), split into queues as a city hall would: ID cards apart from
 * registration of residence, vehicle registration apart from driving licences.
 */
export const demoCategories: Category[] = [
  {
    id: 'slaska.dowody',
    siteId: 'slaska',
    departmentId: 'so',
    prefix: 'A',
    name: 'Dowody osobiste',
    dailyCap: null,
    demo,
  },
  {
    id: 'slaska.meldunki',
    siteId: 'slaska',
    departmentId: 'so',
    prefix: 'B',
    name: 'Meldunki i ewidencja ludności',
    dailyCap: null,
    demo,
  },
  {
    id: 'slaska.pojazdy',
    siteId: 'slaska',
    departmentId: 'km',
    prefix: 'C',
    name: 'Rejestracja pojazdów',
    dailyCap: 150,
    demo,
  },
  {
    id: 'slaska.prawa-jazdy',
    siteId: 'slaska',
    departmentId: 'km',
    prefix: 'D',
    name: 'Prawa jazdy',
    dailyCap: 100,
    demo,
  },
  {
    id: 'slaska.lokale',
    siteId: 'slaska',
    departmentId: 'lo',
    prefix: 'E',
    name: 'Sprawy lokalowe',
    dailyCap: null,
    demo,
  },
  {
    id: 'slaska.budownictwo',
    siteId: 'slaska',
    departmentId: 'ab',
    prefix: 'F',
    name: 'Architektura i budownictwo',
    dailyCap: 40,
    demo,
  },
  {
    id: 'waszyngtona.dowody',
    siteId: 'waszyngtona',
    departmentId: 'so',
    prefix: 'A',
    name: 'Dowody osobiste',
    dailyCap: null,
    demo,
  },
  {
    id: 'waszyngtona.usc',
    siteId: 'waszyngtona',
    departmentId: 'usc',
    prefix: 'U',
    name: 'Urząd Stanu Cywilnego: śluby i akty',
    dailyCap: 60,
    demo,
  },
  {
    id: 'waszyngtona.niepelnosprawnosc',
    siteId: 'waszyngtona',
    departmentId: 'on',
    prefix: 'N',
    name: 'Orzekanie o niepełnosprawności',
    dailyCap: 50,
    demo,
  },
  {
    id: 'focha.odbior',
    siteId: 'focha',
    departmentId: 'so',
    prefix: 'O',
    name: 'Odbiór dokumentów i urzędomat',
    dailyCap: null,
    demo,
  },
];

const counter = (siteId: string, number: number, categoryIds: string[]): Counter => ({
  id: `${siteId}.${number}`,
  siteId,
  number,
  name: `Stanowisko ${number}`,
  categoryIds,
  demo,
});

/** Each counter serves its categories in this order: its own first, a neighbour's when idle. */
export const demoCounters: Counter[] = [
  counter('slaska', 1, ['slaska.dowody', 'slaska.meldunki']),
  counter('slaska', 2, ['slaska.dowody', 'slaska.meldunki']),
  counter('slaska', 3, ['slaska.meldunki', 'slaska.dowody']),
  counter('slaska', 4, ['slaska.pojazdy', 'slaska.prawa-jazdy']),
  counter('slaska', 5, ['slaska.pojazdy', 'slaska.prawa-jazdy']),
  counter('slaska', 6, ['slaska.prawa-jazdy', 'slaska.pojazdy']),
  counter('slaska', 7, ['slaska.lokale']),
  counter('slaska', 8, ['slaska.budownictwo', 'slaska.lokale']),
  counter('waszyngtona', 1, ['waszyngtona.dowody']),
  counter('waszyngtona', 2, ['waszyngtona.usc']),
  counter('waszyngtona', 3, ['waszyngtona.usc', 'waszyngtona.dowody']),
  counter('waszyngtona', 4, ['waszyngtona.niepelnosprawnosc']),
  counter('focha', 1, ['focha.odbior']),
];
