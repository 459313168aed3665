import os from 'node:os';
import type { WorkstationSettings } from '../../common/contract/central/enrolment';
import {
  channelNames,
  type EnrolmentState,
  type WorkstationConfig,
  type WorkstationIdentity,
} from '../../common/contract';
import { systemClock } from '../app/clock';
import { createEventHub } from '../app/eventHub';
import {
  startWorkstation,
  type Workstation,
  type WorkstationOptions,
} from '../app/startWorkstation';
import { loadWorkstationConfig, saveWorkstationConfig } from '../config/workstationConfigFile';
import { createIpcDispatcher, type ChannelHandlers, type IpcDispatch } from '../ipc/ipcDispatcher';
import { ServiceError } from '../ipc/serviceError';
import {
  mergeCentralSettings,
  readCachedCentralSettings,
  sameDeviceSettings,
  writeCachedCentralSettings,
} from './centralSettings';
import { enrolAtCentral, fetchCentralSettings } from './enrolmentClient';
import type { EnrolmentHandlers } from './enrolmentChannelHandlers';
import { IdentityStoreError, type IdentityStore } from './identityStore';
import { migrateWorkstationTokenFile } from './migrateTokenFile';

/** How often a running PC asks for its central-owned settings. */
export const SETTINGS_REFRESH_MS = 10 * 60 * 1000;
/** At start the PC waits this long for them, then starts with the last ones it got. */
const START_FETCH_TIMEOUT_MS = 3000;

export type EnrollingWorkstationOptions = WorkstationOptions & {
  identityStore: IdentityStore;
  /** The PC's name sent at enrolment, for the admin (default: the hostname). */
  machineLabel?: string;
  settingsRefreshMs?: number;
};

export type EnrollingWorkstation = {
  /** Carries IPC: to the enrolment screen's handlers until enrolled, then to the services. */
  dispatch: IpcDispatch;
  hub: ReturnType<typeof createEventHub>;
  /** The running services; null while the PC waits for its enrolment code. */
  current(): Workstation | null;
  /** Resolves once the services run (at once when no enrolment is needed). */
  started: Promise<Workstation>;
  close(): Promise<void>;
};

/** Channels the first-start screen needs before the services run. */
const BEFORE_ENROLMENT = new Set<string>([
  'enrolment:state',
  'enrolment:enrol',
  'app:windowLoaded',
]);

/**
 * Starts the workstation, or first enrols it (docs/provisioning.md). A PC with a remote central
 * server and no stored identity waits on the first-start screen: the person types the server's
 * address and the code, main trades the code for the identity, stores it and starts the
 * services without a restart, and the window moves on to the login screen. An enrolled PC
 * fetches the settings the central server owns at start (the last ones it got when the server
 * is away) and every few minutes; a change applies at the next start and the info panel says so.
 */
export async function startWithEnrolment(
  options: EnrollingWorkstationOptions,
): Promise<EnrollingWorkstation> {
  const { dataDir, logger, identityStore: store } = options;
  const clock = options.clock ?? systemClock;
  const fetchFn = options.fetchFn ?? fetch;
  const hub = options.hub ?? createEventHub();
  const fileConfig = loadWorkstationConfig(dataDir).config;
  const remoteUrl = fileConfig.central.mode === 'remote' ? fileConfig.central.url : null;

  let running: Workstation | null = null;
  let identity: WorkstationIdentity | null = null;
  let applied: WorkstationSettings | null = null;
  let latest: { settings: WorkstationSettings; fetchedAt: string } | null = null;
  let settingsProblem: string | null = null;
  let refreshTimer: ReturnType<typeof setInterval> | null = null;
  let resolveStarted!: (workstation: Workstation) => void;
  let rejectStarted!: (error: unknown) => void;
  const started = new Promise<Workstation>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });
  started.catch(() => undefined);

  const state = (): EnrolmentState => ({
    phase: remoteUrl === null ? 'not-needed' : identity ? 'enrolled' : 'needs-enrolment',
    centralUrl: identity?.centralUrl ?? remoteUrl,
    workstation: latest?.settings.workstation ?? identity?.workstation ?? null,
    identityStorage: { kind: store.kind, location: store.location, warning: store.warning },
    centralSettings: {
      fetchedAt: latest?.fetchedAt ?? null,
      changedSinceStart:
        applied !== null && latest !== null && !sameDeviceSettings(applied, latest.settings),
      problem: settingsProblem,
    },
  });
  const publishState = () => hub.publish('enrolment:changed', state());

  /** Asks the server for this PC's settings; keeps them on disk for a start without it. */
  async function refreshSettings(timeoutMs?: number): Promise<void> {
    if (!identity) return;
    const result = await fetchCentralSettings({
      centralUrl: identity.centralUrl,
      token: identity.token,
      fetchFn,
      clock,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    if (!result.ok) {
      settingsProblem =
        result.failure.kind === 'unauthorized'
          ? 'The central server no longer accepts this PC’s identity: re-enrol it (docs/provisioning.md).'
          : result.failure.message;
      logger.warn({ problem: settingsProblem }, 'central settings not fetched');
      return;
    }
    settingsProblem = null;
    latest = { settings: result.value, fetchedAt: clock.now().toISOString() };
    writeCachedCentralSettings(dataDir, latest);
    if (identity.workstation === null) {
      // A token migrated from the plain file: now the PC knows who it is.
      identity = { ...identity, workstation: result.value.workstation };
      store.write(identity);
    }
  }

  async function startServices(): Promise<Workstation> {
    if (identity) {
      if (!latest) {
        await refreshSettings(START_FETCH_TIMEOUT_MS);
        latest ??= readCachedCentralSettings(dataDir);
      }
      applied = latest?.settings ?? null;
    }
    const adjustConfig = (config: WorkstationConfig): WorkstationConfig => {
      if (!applied) return config;
      const merged = mergeCentralSettings(config, applied);
      if (merged.problem) {
        settingsProblem = merged.problem;
        logger.warn({ problem: merged.problem }, 'central settings not applied');
      }
      return merged.config;
    };
    const workstation = await startWorkstation({
      ...options,
      hub,
      adjustConfig,
      enrolment: handlers,
      ...(identity ? { workstationToken: identity.token } : {}),
    });
    running = workstation;
    if (identity) {
      refreshTimer = setInterval(() => {
        void refreshSettings().then(publishState, (error: unknown) =>
          logger.warn({ err: error }, 'central settings refresh failed'),
        );
      }, options.settingsRefreshMs ?? SETTINGS_REFRESH_MS);
      refreshTimer.unref?.();
    }
    resolveStarted(workstation);
    return workstation;
  }

  let enrolling: Promise<EnrolmentState> | null = null;
  const handlers: EnrolmentHandlers = {
    'enrolment:state': () => state(),
    'enrolment:enrol': (request) => {
      if (state().phase !== 'needs-enrolment') {
        throw new ServiceError('already-enrolled', 'This PC is enrolled already.');
      }
      // One enrolment at a time: a double Enter must not spend the code twice.
      enrolling ??= enrol(request.centralUrl, request.code).finally(() => {
        enrolling = null;
      });
      return enrolling;
    },
  };

  async function enrol(typedUrl: string, code: string): Promise<EnrolmentState> {
    const centralUrl = typedUrl.replace(/\/+$/, '');
    const result = await enrolAtCentral({
      centralUrl,
      code,
      machineLabel: options.machineLabel ?? os.hostname(),
      fetchFn,
      clock,
    });
    if (!result.ok) {
      logger.warn({ centralUrl, code: result.failure.code }, 'enrolment refused');
      throw new ServiceError(result.failure.code, result.failure.message);
    }
    const { token, settings } = result.value;
    const enrolled: WorkstationIdentity = {
      schemaVersion: 1,
      centralUrl,
      token,
      workstation: settings.workstation,
      enrolledAt: clock.now().toISOString(),
    };
    try {
      store.write(enrolled);
    } catch (error) {
      logger.error({ err: error, location: store.location }, 'identity not stored');
      throw new ServiceError(
        'identity-not-stored',
        `The identity could not be stored safely (${error instanceof Error ? error.message : String(error)}). Ask IT; the code is used, so a new one is needed.`,
      );
    }
    identity = enrolled;
    latest = { settings, fetchedAt: clock.now().toISOString() };
    writeCachedCentralSettings(dataDir, latest);
    if (remoteUrl !== centralUrl) {
      // The address typed is the one to use from now on.
      saveWorkstationConfig(dataDir, {
        ...fileConfig,
        central: { mode: 'remote', url: centralUrl },
      });
    }
    logger.info(
      { workstationId: settings.workstation.id, centralUrl, storage: store.kind },
      'workstation enrolled',
    );
    try {
      await startServices();
    } catch (error) {
      rejectStarted(error);
      throw error;
    }
    publishState();
    return state();
  }

  if (remoteUrl !== null) {
    migrateWorkstationTokenFile({
      dataDir,
      store,
      centralUrl: remoteUrl,
      now: clock.now(),
      logger,
    });
    try {
      identity = store.read();
    } catch (error) {
      if (!(error instanceof IdentityStoreError)) throw error;
      logger.error(
        { problem: error.message },
        'stored identity unusable: the PC asks to be enrolled',
      );
    }
    if (store.warning) logger.warn({ location: store.location }, store.warning);
  }

  if (remoteUrl === null || identity !== null) {
    await startServices();
  } else {
    logger.info({ centralUrl: remoteUrl }, 'not enrolled: showing the first-start screen');
  }

  const beforeEnrolment = createIpcDispatcher(
    {
      ...(Object.fromEntries(
        channelNames.map((name) => [
          name,
          () => {
            throw new Error(`${name} is not served before enrolment`);
          },
        ]),
      ) as unknown as ChannelHandlers),
      ...handlers,
      'app:windowLoaded': () => ({ recorded: true as const }),
    },
    logger,
  );
  const dispatch: IpcDispatch = async (channel, payload) => {
    if (running) return running.dispatch(channel, payload);
    if (typeof channel === 'string' && !BEFORE_ENROLMENT.has(channel)) {
      return {
        ok: false,
        error: {
          code: 'unavailable',
          message: 'This PC is not enrolled at its central server yet.',
        },
      };
    }
    return beforeEnrolment(channel, payload);
  };

  return {
    dispatch,
    hub,
    current: () => running,
    started,
    async close() {
      if (refreshTimer) clearInterval(refreshTimer);
      await running?.close();
    },
  };
}
