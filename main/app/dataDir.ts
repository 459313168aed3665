import os from 'node:os';
import path from 'node:path';

/**
 * The app's data folder where a host has not been told one: the same folder Electron's
 * `app.getPath('userData')` gives for "Okienko", so both hosts find one config and one database
 * (and the database's exclusive lock keeps them from running on it at once).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.OKIENKO_DATA_DIR) return path.resolve(env.OKIENKO_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Okienko');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Okienko');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Okienko');
}
