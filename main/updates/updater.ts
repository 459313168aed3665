/**
 * What the update service needs of the host's updater. The packaged Electron app has
 * electron-updater behind it (main/electron/electronUpdater.ts); the browser host and Electron
 * run from source only read the feed (`feedOnlyUpdater`), so the clerk still sees that a new
 * version exists, and IT updates them by hand.
 */
export type Updater = {
  /** This host downloads and installs the update itself. */
  readonly canInstall: boolean;
  /**
   * Asks the feed; resolves the newer version it offers, or null. An updater that installs
   * starts downloading it in the background and calls `onDownloaded` when it is ready.
   */
  check(): Promise<string | null>;
  onDownloaded(listener: (version: string) => void): void;
  /** Quits the app and runs the installer (the app starts again after it). */
  install(): void;
};

/** Where the feed of a channel is: `<central>/updates/<channel>` (server/updates/updateFeedRoutes.ts). */
export function updateFeedUrl(centralUrl: string, channel: string): string {
  return `${centralUrl.replace(/\/+$/, '')}/updates/${channel}`;
}

/** The feed file electron-builder writes for this platform's target (NSIS or AppImage). */
export function feedFileFor(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'latest.yml' : 'latest-linux.yml';
}

/** The `version:` of a latest.yml: a top-level line, quoted or not. */
export function feedVersion(yaml: string): string | null {
  const match = /^version:[ \t]*['"]?([0-9A-Za-z.+-]+)['"]?[ \t]*$/m.exec(yaml);
  return match?.[1] ?? null;
}

/** Semantic versions compared by major.minor.patch; a pre-release comes before its release. */
export function isNewerVersion(candidate: string, current: string): boolean {
  const parse = (version: string) => {
    const [core = '', pre = ''] = version.split('+')[0]!.split(/-(.*)/s);
    return { numbers: core.split('.').map((part) => Number.parseInt(part, 10) || 0), pre };
  };
  const a = parse(candidate);
  const b = parse(current);
  for (let i = 0; i < 3; i++) {
    const difference = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  if (a.pre === b.pre) return false;
  if (a.pre === '') return true;
  if (b.pre === '') return false;
  return a.pre.localeCompare(b.pre, 'en', { numeric: true }) > 0;
}

/** Reads the feed only: reports a newer version, never downloads or installs. */
export function feedOnlyUpdater(options: {
  feedUrl: string;
  currentVersion: string;
  fetchFn: typeof fetch;
  platform?: NodeJS.Platform;
  timeoutMs?: number;
}): Updater {
  const file = feedFileFor(options.platform ?? process.platform);
  return {
    canInstall: false,
    async check() {
      const response = await options.fetchFn(`${options.feedUrl}/${file}`, {
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        headers: { 'cache-control': 'no-cache' },
      });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`the update feed answered ${response.status}`);
      const version = feedVersion(await response.text());
      if (version === null) throw new Error(`the update feed ${file} names no version`);
      return isNewerVersion(version, options.currentVersion) ? version : null;
    },
    onDownloaded() {
      // Never downloads.
    },
    install() {
      throw new Error('this host does not install updates');
    },
  };
}
