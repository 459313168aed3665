import type { WorkstationConfig } from '../../common/contract';
import { assistantChannelHandlers } from '../assistant/assistantChannelHandlers';
import type { AssistantService } from '../assistant/assistantService';
import type { CentralMonitor } from '../central/centralMonitor';
import { authChannelHandlers } from '../auth/authChannelHandlers';
import { casesChannelHandlers } from '../cases/caseChannelHandlers';
import { diagnosticsChannelHandlers } from '../diagnostics/diagnosticsChannelHandlers';
import type { DiagnosticsService } from '../diagnostics/diagnosticsService';
import type { CaseService } from '../cases/caseService';
import type { EnrolmentHandlers } from '../enrolment/enrolmentChannelHandlers';
import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import { lockersChannelHandlers } from '../lockers/deposits/lockerChannelHandlers';
import type { LockerService } from '../lockers/deposits/lockerService';
import { labelsChannelHandlers } from '../lockers/printing/labelChannelHandlers';
import type { LabelService } from '../lockers/printing/labelService';
import { paymentsChannelHandlers } from '../payments/paymentChannelHandlers';
import type { PaymentService } from '../payments/session/paymentService';
import { queueChannelHandlers } from '../queue/queueChannelHandlers';
import type { QueueService } from '../queue/queueService';
import { referenceChannelHandlers } from '../reference/referenceChannelHandlers';
import { supervisorChannelHandlers } from '../supervisor/supervisorChannelHandlers';
import type { SupervisorService } from '../supervisor/supervisorService';
import { syncChannelHandlers } from '../sync/syncChannelHandlers';
import type { SyncServices } from '../sync/syncServices';
import { updatesChannelHandlers } from '../updates/updateChannelHandlers';
import type { UpdateService } from '../updates/updateService';
import type { Readiness } from './readiness';
import type { WindowOpener } from './startWorkstation';

export type AppServices = {
  appName: string;
  appVersion: string;
  host: 'electron' | 'browser';
  dataDir: string;
  schemaVersion: number;
  config: WorkstationConfig;
  central: CentralMonitor;
  readiness: Readiness;
  openWindow: WindowOpener;
  sync: SyncServices;
  queue: QueueService;
  cases: CaseService;
  assistant: AssistantService;
  lockers: LockerService;
  labels: LabelService;
  payments: PaymentService;
  supervisor: SupervisorService;
  enrolment: EnrolmentHandlers;
  diagnostics: DiagnosticsService;
  updates: UpdateService;
};

/** Each channel of the contract, answered by the service that owns it. */
export function defaultChannelHandlers(services: AppServices): ChannelHandlers {
  return {
    'app:info': () => ({
      appName: services.appName,
      appVersion: services.appVersion,
      schemaVersion: services.schemaVersion,
      host: services.host,
      dataDir: services.dataDir,
      config: services.config,
      central: services.central.status(),
    }),
    'app:windowLoaded': ({ window }) => {
      services.readiness.mark('window-loaded', window);
      return { recorded: true as const };
    },
    'app:openWindow': ({ window }) => services.openWindow(window),
    ...syncChannelHandlers(services.sync.engine, services.sync.auth),
    ...authChannelHandlers(services.sync.auth),
    ...referenceChannelHandlers(services.sync.reference),
    ...queueChannelHandlers(services.queue),
    ...casesChannelHandlers(services.cases),
    ...assistantChannelHandlers(services.assistant),
    ...lockersChannelHandlers(services.lockers),
    ...labelsChannelHandlers(services.labels),
    ...paymentsChannelHandlers(services.payments),
    ...supervisorChannelHandlers(services.supervisor),
    ...services.enrolment,
    ...diagnosticsChannelHandlers(services.diagnostics),
    ...updatesChannelHandlers(services.updates),
  };
}
