import type { Role } from '../../common/contract/central/auth';
import type { AuthService } from '../auth/authService';
import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import { ServiceError } from '../ipc/serviceError';
import type { SyncEngine } from './syncEngine';

type SyncChannel =
  | 'sync:status'
  | 'sync:failedMutations'
  | 'sync:retryFailed'
  | 'sync:discardFailed'
  | 'sync:syncNow';

/** Giving a change up loses it for good: only a shift lead or an admin may. */
export const DISCARD_ROLES: readonly Role[] = ['supervisor', 'admin'];

export function syncChannelHandlers(
  engine: SyncEngine,
  auth: AuthService,
): Pick<ChannelHandlers, SyncChannel> {
  return {
    'sync:status': () => engine.status(),
    'sync:failedMutations': () => ({ mutations: engine.failedMutations() }),
    'sync:retryFailed': ({ id }) => {
      const user = auth.user();
      if (!user) throw notLoggedIn();
      if (!engine.retryFailed(id, user.login)) throw notFound();
      return engine.status();
    },
    'sync:discardFailed': ({ id }) => {
      const user = auth.user();
      if (!user) throw notLoggedIn();
      if (!auth.hasAnyRole(DISCARD_ROLES)) {
        throw new ServiceError(
          'forbidden',
          'Odrzucić niewysłaną zmianę może tylko kierownik zmiany lub administrator.',
        );
      }
      if (!engine.discardFailed(id, user.login)) throw notFound();
      return engine.status();
    },
    'sync:syncNow': () => engine.syncNow(),
  };
}

function notLoggedIn(): ServiceError {
  return new ServiceError('not-logged-in', 'Najpierw zaloguj się.');
}

function notFound(): ServiceError {
  return new ServiceError('not-found', 'Nie ma takiej odrzuconej zmiany (może już ją obsłużono).');
}
