import path from 'node:path';
import { defaultChannelHandlers } from './channelHandlers';
import { systemClock, type Clock } from './clock';
import { createEventHub } from './eventHub';
import { createReadiness } from './readiness';
import { caseSyncHandlers } from '../cases/caseSyncHandlers';
import { startCaseService } from '../cases/startCaseService';
import { startAssistantService } from '../assistant/startAssistantService';
import { createCentralMonitor, type CentralMonitor } from '../central/centralMonitor';
import type { FetchFn } from '../central/centralHealthCheck';
import { loadWorkstationConfig } from '../config/workstationConfigFile';
import { openDatabase } from '../db';
import { createDiagnosticsService } from '../diagnostics/diagnosticsService';
import { createIpcDispatcher } from '../ipc/ipcDispatcher';
import { lockerSyncHandlers } from '../lockers/deposits/lockerSyncHandlers';
import { startLockerService } from '../lockers/deposits/startLockerService';
import type { Logger } from '../logging/logger';
import { startLabelService } from '../lockers/printing/startLabelService';
import type { PrintHtmlPage } from '../lockers/printing/transports/systemTransport';
import { startPaymentService } from '../payments/startPaymentService';
import { startQueueService } from '../queue/startQueueService';
import { startSupervisorService } from '../supervisor/startSupervisorService';
import { createSyncServices, type SyncServicesOptions } from '../sync/syncServices';
import { workstationTokenFor } from '../sync/workstationTokenFile';
import { startWorkstationStatus } from '../workstationStatus/startWorkstationStatus';
import { startUpdateService, type CreateUpdater } from '../updates/startUpdateService';
import type { ReadinessEvent, WindowKind, WorkstationConfig } from '../../common/contract';
import {
  unmanagedEnrolmentHandlers,
  type EnrolmentHandlers,
} from '../enrolment/enrolmentChannelHandlers';
import type { EventHub } from './eventHub';

export const DATABASE_FILE_NAME = 'okienko.sqlite';

/** How a host opens another window; the browser host has none and answers with a route. */
export type WindowOpener = (window: WindowKind) => { opened: boolean; route: string };

/**
 * A central server started inside the app (the embedded default), as the host provides it, with
 * the identity it gave this PC (the token the PC sends as X-Okienko-Workstation).
 */
export type EmbeddedCentral = { url: string; workstationToken: string; close(): Promise<void> };
export type StartEmbeddedCentral = (options: {
  dataDir: string;
  logger: Logger;
  /** The PC's configured site and counter: the embedded server registers it as a workstation. */
  site: { id: string };
  counter: { number: number };
}) => Promise<EmbeddedCentral>;

export type WorkstationOptions = {
  dataDir: string;
  host: 'electron' | 'browser';
  appName: string;
  appVersion: string;
  logger: Logger;
  openWindow: WindowOpener;
  startEmbeddedCentral: StartEmbeddedCentral;
  /** Each readiness step, for the host to print (`okienko:ready …`). */
  onReadiness: (event: ReadinessEvent) => void;
  clock?: Clock;
  fetchFn?: FetchFn;
  centralCheckIntervalMs?: number;
  /** Sync timing overrides (tests). */
  sync?: SyncServicesOptions['engine'];
  /** Prints a label page through the system dialog (Electron); absent: the window prints it. */
  printLabelPage?: PrintHtmlPage;
  /** Asks the person for a folder (Electron's dialog); absent: exports go back as downloads. */
  pickFolder?: (title: string) => Promise<string | null>;
  /** Downloads and installs updates (the packaged Electron app); absent: the feed is only read. */
  createUpdater?: CreateUpdater;
  /** Provisioning (main/enrolment/startWithEnrolment.ts): the hub it already carries to windows, */
  hub?: EventHub;
  /** the token from the identity store (instead of the old plain file), */
  workstationToken?: string | null;
  /** the central-owned settings merged into the file's config, */
  adjustConfig?: (config: WorkstationConfig) => WorkstationConfig;
  /** and the enrolment channels. */
  enrolment?: EnrolmentHandlers;
};

/**
 * The composition root of the main-process services, shared by both hosts: the Electron shell
 * and the browser host differ only in how they carry IPC and open windows. Throws the config's
 * or the database's own error (with a message for a person) when either cannot be used.
 */
export async function startWorkstation(options: WorkstationOptions) {
  const clock = options.clock ?? systemClock;
  const { logger } = options;
  const hub = options.hub ?? createEventHub();
  const readiness = createReadiness(hub, clock, options.onReadiness);
  const fetchFn = options.fetchFn ?? fetch;

  const { config: fileConfig, file: configFile, created } = loadWorkstationConfig(options.dataDir);
  const config = options.adjustConfig ? options.adjustConfig(fileConfig) : fileConfig;
  logger.info({ configFile, created }, created ? 'wrote the first-run config' : 'read the config');

  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME);
  const { db, schemaVersion, migratedFrom } = openDatabase(databaseFile);
  logger.info({ databaseFile, schemaVersion, migratedFrom }, 'database ready');
  readiness.mark('database-ready', `schema ${schemaVersion}`);

  let embedded: EmbeddedCentral | null = null;
  let central: CentralMonitor;
  let baseUrl: string;
  try {
    if (config.central.mode === 'embedded') {
      embedded = await options.startEmbeddedCentral({
        dataDir: options.dataDir,
        logger,
        site: config.site,
        counter: config.counter,
      });
      logger.info({ url: embedded.url }, 'embedded central server started');
    }
    baseUrl = embedded ? embedded.url : config.central.mode === 'remote' ? config.central.url : '';
    central = createCentralMonitor({
      mode: config.central.mode,
      baseUrl: baseUrl || null,
      fetchFn,
      clock,
      hub,
      readiness,
      ...(options.centralCheckIntervalMs ? { intervalMs: options.centralCheckIntervalMs } : {}),
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const workstationToken =
    options.workstationToken !== undefined && embedded === null
      ? options.workstationToken
      : workstationTokenFor(embedded?.workstationToken ?? null, options.dataDir, logger);
  const caseSync = caseSyncHandlers({
    clock,
    publish: (change) => hub.publish('cases:changed', change),
  });
  const lockerSync = lockerSyncHandlers({
    clock,
    publish: (deposit) => hub.publish('lockers:depositChanged', deposit),
  });
  const sync = createSyncServices({
    db,
    clock,
    logger,
    hub,
    fetchFn,
    baseUrl,
    workstationToken,
    demo: embedded !== null,
    onCentralUnreachable: () => void central.checkNow(),
    engine: {
      ...options.sync,
      appliedHandlers: { 'case.register': caseSync.applied, ...lockerSync.applied },
      rejectedHandlers: { 'case.register': caseSync.rejected, ...lockerSync.rejected },
    },
  });
  central.start();
  sync.start();
  // What the services that talk to the central server and keep their state here all need.
  const centralServiceDeps = {
    db,
    clock,
    logger,
    hub,
    fetchFn,
    baseUrl,
    workstationToken,
    config,
    sync,
  };
  const queue = startQueueService(centralServiceDeps);
  const cases = startCaseService({ db, clock, logger, config, sync });
  const lockers = startLockerService(centralServiceDeps);
  const labels = startLabelService({
    db,
    clock,
    logger,
    hub,
    config,
    dataDir: options.dataDir,
    clerkLogin: () => sync.auth.user()?.login ?? null,
    labelInputForDeposit: (depositId) => lockers.lockers.labelInputForDeposit(depositId),
    markLabelPrinted: (depositId) => void lockers.lockers.markLabelPrinted(depositId),
    ...(options.printLabelPage ? { printPage: options.printLabelPage } : {}),
  });
  const payments = startPaymentService({
    db,
    clock,
    logger,
    config,
    dataDir: options.dataDir,
    hub,
    sync,
  });

  const assistant = startAssistantService({
    clock,
    fetchFn,
    baseUrl,
    workstationToken,
    config,
    sync,
  });
  const supervisor = startSupervisorService({
    clock,
    logger,
    hub,
    fetchFn,
    baseUrl,
    workstationToken,
    config,
    sync,
    ...(options.pickFolder ? { pickFolder: options.pickFolder } : {}),
  });
  const updates = startUpdateService({
    db,
    clock,
    logger,
    hub,
    config,
    reference: sync.reference,
    payments: payments.payments,
    centralUrl: baseUrl,
    currentVersion: options.appVersion,
    fetchFn,
    ...(options.createUpdater ? { createUpdater: options.createUpdater } : {}),
  });
  const diagnostics = createDiagnosticsService({
    dataDir: options.dataDir,
    db,
    config,
    clock,
    logger,
    fetchFn,
    baseUrl,
    workstationToken,
    appName: options.appName,
    appVersion: options.appVersion,
    host: options.host,
    schemaVersion,
  });
  const workstationStatus = startWorkstationStatus({
    ...options,
    db,
    clock,
    hub,
    baseUrl,
    workstationToken,
    config,
    sync,
    payments: payments.payments,
    labels: labels.labels,
  });
  const dispatch = createIpcDispatcher(
    defaultChannelHandlers({
      appName: options.appName,
      appVersion: options.appVersion,
      host: options.host,
      dataDir: options.dataDir,
      schemaVersion,
      config,
      central,
      readiness,
      openWindow: options.openWindow,
      sync,
      queue: queue.queue,
      cases: cases.cases,
      lockers: lockers.lockers,
      labels: labels.labels,
      payments: payments.payments,
      assistant,
      supervisor: supervisor.supervisor,
      enrolment: options.enrolment ?? unmanagedEnrolmentHandlers(config, options.dataDir),
      diagnostics,
      updates: updates.updates,
    }),
    logger,
  );

  return {
    config,
    dispatch,
    hub,
    readiness,
    central,
    db,
    sync,
    async close(): Promise<void> {
      updates.stop();
      supervisor.stop();
      await workstationStatus.stop();
      cases.stop();
      lockers.stop();
      await labels.stop();
      await payments.stop();
      await queue.stop();
      await sync.stop();
      central.stop();
      await embedded?.close();
      db.close();
    },
  };
}

export type Workstation = Awaited<ReturnType<typeof startWorkstation>>;
