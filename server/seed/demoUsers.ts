import type { Role } from '../../common/contract/central/auth';

/**
 * DEMO ONLY: the demo users all have the password `demo`. They are created only together
 * with the demo reference data (DEMO_DATA=1, or the embedded default), never on a real
 * city hall's server, where an administrator adds users (POST /api/v1/admin/users).
 */
export const DEMO_PASSWORD = 'demo';

export const demoUsers: {
  id: string;
  login: string;
  displayName: string;
  roles: Role[];
  siteId: string | null;
}[] = [
  {
    id: 'demo-urzednik1',
    login: 'urzednik1',
    displayName: 'Anna Kowalska',
    roles: ['clerk'],
    siteId: 'slaska',
  },
  {
    id: 'demo-urzednik2',
    login: 'urzednik2',
    displayName: 'Piotr Nowak',
    roles: ['clerk'],
    siteId: 'slaska',
  },
  {
    id: 'demo-asystent',
    login: 'asystent',
    displayName: 'Katarzyna Wiśniewska',
    roles: ['assistant'],
    siteId: 'slaska',
  },
  {
    id: 'demo-depozyty',
    login: 'depozyty',
    displayName: 'Marek Wójcik',
    roles: ['locker'],
    siteId: 'focha',
  },
  {
    id: 'demo-kierownik',
    login: 'kierownik',
    displayName: 'Ewa Lewandowska',
    roles: ['supervisor'],
    siteId: 'slaska',
  },
  {
    id: 'demo-admin',
    login: 'admin',
    displayName: 'Administrator',
    roles: ['admin'],
    siteId: null,
  },
];
