import type { ClerkSession } from '../../../common/contract';
import type { Role } from '../../../common/contract/central/auth';

/** The roles the window admits: the same main and the central server check on every call. */
const SUPERVISOR_WINDOW_ROLES: readonly Role[] = ['supervisor', 'admin'];

export function canOpenSupervisorWindow(session: ClerkSession): boolean {
  return session.user.roles.some((role) => SUPERVISOR_WINDOW_ROLES.includes(role));
}
