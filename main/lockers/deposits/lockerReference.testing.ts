import type { CaseType, Site } from '../../../common/contract/central/reference';

/**
 * The reference data a locker test looks up (tests only): Focha has the locker, Śląska has not;
 * an ID card can be picked up from it, a registration of residence cannot.
 */
const sites: Record<string, Site> = {
  focha: {
    id: 'focha',
    name: 'Urząd Miasta — ul. Focha (urzędomat)',
    hasLocker: true,
  } as Site,
  slaska: { id: 'slaska', name: 'Urząd Miasta — ul. Śląska', hasLocker: false } as Site,
};
const caseTypes: Record<string, CaseType> = {
  'dowod-osobisty': {
    id: 'dowod-osobisty',
    name: 'Dowód osobisty',
    lockerPickup: true,
  } as CaseType,
  zameldowanie: { id: 'zameldowanie', name: 'Zameldowanie', lockerPickup: false } as CaseType,
};

export const testSite = (id: string): Site | null => sites[id] ?? null;
export const testCaseType = (id: string): CaseType | null => caseTypes[id] ?? null;
