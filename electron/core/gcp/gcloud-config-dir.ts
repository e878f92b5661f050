import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where gcloud keeps its state, by gcloud's own rule: `$CLOUDSDK_CONFIG`, else per platform. */
export function resolveGcloudConfigDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home: string = env.HOME ?? homedir(),
): string {
  if (env.CLOUDSDK_CONFIG) return env.CLOUDSDK_CONFIG;
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'gcloud');
  // gcloud ignores XDG_CONFIG_HOME: it is always ~/.config/gcloud outside Windows.
  return join(home, '.config', 'gcloud');
}
