import type { ReferenceList } from '../../common/contract';
import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import type { ReferenceCache } from './referenceCache';

export function referenceChannelHandlers(
  cache: ReferenceCache,
): Pick<ChannelHandlers, 'reference:list'> {
  return {
    'reference:list': ({ entity }) => ({ entity, items: cache.list(entity) }) as ReferenceList,
  };
}
