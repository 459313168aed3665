import type { ChannelHandlers } from '../../ipc/ipcDispatcher';
import type { LabelService } from './labelService';

const DEFAULT_JOB_LIST_LIMIT = 100;

export type LabelsChannel = Extract<keyof ChannelHandlers, `labels:${string}`>;

/** The locker desk's label channels (docs/labels.md, docs/ipc.md). */
export function labelsChannelHandlers(labels: LabelService): Pick<ChannelHandlers, LabelsChannel> {
  return {
    'labels:preview': ({ depositId, reprint }) =>
      labels.preview({ depositId, reprint: reprint ?? false }),
    'labels:print': ({ depositIds, reprint }) =>
      labels.print({ depositIds, reprint: reprint ?? false }),
    'labels:jobs': ({ limit }) => labels.jobs({ limit: limit ?? DEFAULT_JOB_LIST_LIMIT }),
    'labels:retry': ({ jobId }) => labels.retry({ jobId }),
    'labels:cancel': ({ jobId }) => labels.cancel({ jobId }),
    'labels:history': ({ depositId }) => labels.history({ depositId }),
    'labels:printer': () => labels.printerStatus(),
  };
}
