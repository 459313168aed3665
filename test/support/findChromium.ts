import fs from 'node:fs';
import { chromium } from '@playwright/test';

const systemChromiums = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The Chromium the end-to-end tests drive: $OKIENKO_CHROMIUM, else the system's, else
 * Playwright's own if one was installed. Never downloads one: where there is none, it says so.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.OKIENKO_CHROMIUM;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new Error(`OKIENKO_CHROMIUM is set to ${fromEnv}, but there is no file there.`);
  }
  for (const candidate of systemChromiums) if (fs.existsSync(candidate)) return candidate;
  const bundled = safeBundledPath();
  if (bundled && fs.existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian: apt-get install chromium) ' +
      'or point OKIENKO_CHROMIUM at a Chrome or Chromium executable.',
  );
}

function safeBundledPath(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/** Flags for a headless run on a machine with no network beyond localhost, as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--lang=pl-PL',
];
