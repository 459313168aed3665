export {
  createPrintQueue,
  InvalidPrintJobError,
  type PrintJobInput,
  type PrintQueue,
  type PrintQueueLogger,
  type PrintQueueOptions,
  type PrintQueueStatus,
} from './printQueue';
export type { PrintJob, PrintJobKind, PrintJobStatus, PrintQueueCounts } from './printJobQueries';
export { PrintFailure, type PrintFailureCode, type PrintFailureReason } from './printFailure';
export * from './transports';
