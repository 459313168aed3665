import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import type { DiagnosticsService } from './diagnosticsService';

export function diagnosticsChannelHandlers(
  diagnostics: DiagnosticsService,
): Pick<ChannelHandlers, 'diagnostics:preview' | 'diagnostics:send'> {
  return {
    'diagnostics:preview': () => diagnostics.preview(),
    'diagnostics:send': () => diagnostics.send(),
  };
}
