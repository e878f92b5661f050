import { join } from 'node:path';
import { getHomeDir } from '@smithy/shared-ini-file-loader';

export interface AwsConfigPaths {
  configFile: string;
  credentialsFile: string;
  /** Where `aws sso login` keeps its tokens. */
  ssoCacheDir: string;
  /** The profile the SDK uses when none is named. */
  activeProfile: string;
}

/**
 * The files the SDK reads, decided exactly as it decides them: AWS_CONFIG_FILE,
 * AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE, else ~/.aws/{config,credentials} and `default`.
 * The SDK itself reads `process.env` (e.g. for the SSO token cache), so the core passes that.
 */
export function resolveAwsConfigPaths(env: NodeJS.ProcessEnv = process.env): AwsConfigPaths {
  const home = env.HOME || env.USERPROFILE || getHomeDir();
  const expand = (path: string): string => (path.startsWith('~/') ? join(home, path.slice(2)) : path);
  return {
    configFile: expand(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentialsFile: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
    ssoCacheDir: join(home, '.aws', 'sso', 'cache'),
    activeProfile: env.AWS_PROFILE || 'default',
  };
}
