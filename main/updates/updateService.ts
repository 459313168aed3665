import type { UpdateState } from '../../common/contract/updates';
import type { SiteSchedule } from '../../common/domain/timetableSchema';
import type { Clock } from '../app/clock';
import { ServiceError } from '../ipc/serviceError';
import { systemTimers, type SyncTimers } from '../sync/syncTimers';
import { decideUpdate, type UpdateVerdict } from './updatePolicy';
import type { Updater } from './updater';

export const DAY_MS = 24 * 60 * 60_000;
/** How often the policy is asked again without an event (service hours end by the clock). */
export const EVALUATE_EVERY_MS = 60_000;

export type UpdateActivity = {
  visitInProgress(): boolean;
  paymentInProgress(): boolean;
};

export type UpdateServiceOptions = {
  updater: Updater;
  currentVersion: string;
  clock: Clock;
  timers?: SyncTimers;
  /** The site's service hours as the reference cache has them now. */
  schedule: () => SiteSchedule | null;
  activity: UpdateActivity;
  publish: (state: UpdateState) => void;
  logger: {
    info: (fields: Record<string, unknown>, message: string) => void;
    warn: (fields: Record<string, unknown>, message: string) => void;
  };
  checkEveryMs?: number;
  evaluateEveryMs?: number;
};

const REFUSALS: Partial<Record<UpdateVerdict['reason'], [string, string]>> = {
  'not-supported': [
    'not-supported',
    'Ta wersja programu nie instaluje aktualizacji sama: zrobi to dział IT.',
  ],
  downloading: ['not-downloaded', 'Aktualizacja jeszcze się pobiera.'],
  'payment-in-progress': [
    'payment-in-progress',
    'Trwa płatność: aktualizację można zainstalować po jej zakończeniu.',
  ],
  'visit-in-progress': [
    'visit-in-progress',
    'Trwa obsługa interesanta: aktualizację można zainstalować po jej zakończeniu.',
  ],
  'no-update': ['not-downloaded', 'Nie ma aktualizacji do zainstalowania.'],
};

/**
 * The app's updates on a counter PC (docs/updates.md): checks the feed at start and once a day,
 * lets the updater download in the background, and installs only when the policy
 * (updatePolicy.ts) says so: outside service hours by itself, during them when the clerk
 * agrees, never during a visit or a payment. The policy is asked again every minute and
 * whenever the host reports activity (a ticket called, a payment's status).
 */
export function createUpdateService(options: UpdateServiceOptions) {
  const { updater, clock, logger } = options;
  const timers = options.timers ?? systemTimers;
  const checkEveryMs = options.checkEveryMs ?? DAY_MS;
  const evaluateEveryMs = options.evaluateEveryMs ?? EVALUATE_EVERY_MS;

  let available: string | null = null;
  let downloaded: string | null = null;
  let checkedAt: string | null = null;
  let problem: string | null = null;
  /** The verdict that started the installation; null: not installing. */
  let installing: UpdateVerdict | null = null;
  let stopped = false;
  let checkTimer: unknown = null;
  let evaluateTimer: unknown = null;
  let lastPublished = '';

  function verdict(clerkConsent: boolean): UpdateVerdict {
    if (installing) return installing;
    return decideUpdate({
      update: downloaded ? 'downloaded' : available ? 'available' : 'none',
      canInstall: updater.canInstall,
      now: clock.now(),
      schedule: options.schedule(),
      visitInProgress: options.activity.visitInProgress(),
      paymentInProgress: options.activity.paymentInProgress(),
      clerkConsent,
    });
  }

  function stateWith(current: UpdateVerdict): UpdateState {
    return {
      support: updater.canInstall ? 'supported' : 'not-supported',
      current: options.currentVersion,
      available,
      downloaded,
      decision: current.decision,
      reason: current.reason,
      checkedAt,
      problem,
    };
  }

  function install(current: UpdateVerdict): void {
    installing = current;
    logger.info(
      { version: downloaded, reason: current.reason },
      'installing the update: the app restarts',
    );
    try {
      updater.install();
    } catch (error) {
      installing = null;
      problem = error instanceof Error ? error.message : String(error);
      logger.warn({ err: error }, 'the update could not be installed');
    }
  }

  /** Asks the policy; installs when it says so, and tells the windows of any change. */
  function evaluate(clerkConsent = false): UpdateState {
    const current = verdict(clerkConsent);
    if (current.decision === 'install-now' && !installing && !stopped) install(current);
    const state = stateWith(installing ?? verdict(false));
    const key = JSON.stringify(state);
    if (key !== lastPublished && !stopped) {
      lastPublished = key;
      options.publish(state);
    }
    return state;
  }

  async function check(): Promise<void> {
    try {
      const offered = await updater.check();
      if (offered !== null) available = offered;
      problem = null;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
      logger.warn({ problem }, 'the update feed could not be read');
    }
    // The feed answered after the app began to close: its database may be closed already, so
    // nothing more is asked of the policy (it reads the schedule and the journal).
    if (stopped) return;
    checkedAt = clock.now().toISOString();
    if (available !== null) logger.info({ available, downloaded }, 'an update is offered');
    evaluate();
  }

  function scheduleCheck(): void {
    checkTimer = timers.setTimeout(() => {
      if (stopped) return;
      void check().finally(() => {
        if (!stopped) scheduleCheck();
      });
    }, checkEveryMs);
  }

  function scheduleEvaluate(): void {
    evaluateTimer = timers.setTimeout(() => {
      if (stopped) return;
      evaluate();
      scheduleEvaluate();
    }, evaluateEveryMs);
  }

  updater.onDownloaded((version) => {
    if (stopped) return;
    downloaded = version;
    available ??= version;
    logger.info({ version }, 'the update is downloaded');
    evaluate();
  });

  return {
    state(): UpdateState {
      return stateWith(verdict(false));
    },

    /** The clerk agrees to install now; refused (with the reason) while it may not. */
    installNow(): UpdateState {
      const current = verdict(true);
      if (current.decision !== 'install-now') {
        const [code, message] = REFUSALS[current.reason] ?? ['not-downloaded', current.reason];
        throw new ServiceError(code, message);
      }
      return evaluate(true);
    },

    /** Checks the feed now (the start and the daily timer do it by themselves). */
    checkNow: check,

    /** A visit or a payment began or ended: the decision may change. */
    activityChanged(): void {
      evaluate();
    },

    start(): void {
      void check();
      scheduleCheck();
      scheduleEvaluate();
    },

    stop(): void {
      stopped = true;
      timers.clearTimeout(checkTimer);
      timers.clearTimeout(evaluateTimer);
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
