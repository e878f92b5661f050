import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Liaison';

/**
 * Where Liaison keeps its database: `LIAISON_DATA_DIR`, else the platform's app-data directory
 * (the same place Electron's `app.getPath('userData')` points, so both hosts share one store).
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.LIAISON_DATA_DIR) return env.LIAISON_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}
