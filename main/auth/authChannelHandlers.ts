import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import type { AuthService } from './authService';

export function authChannelHandlers(
  auth: AuthService,
): Pick<ChannelHandlers, 'auth:login' | 'auth:logout' | 'auth:session'> {
  return {
    'auth:login': (credentials) => auth.login(credentials),
    'auth:logout': async () => {
      await auth.logout();
      return { loggedOut: true as const };
    },
    'auth:session': () => auth.state(),
  };
}
