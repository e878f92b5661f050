import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GcloudConfiguration } from '../../../shared/contract/gcp';
import { GCLOUD_CONFIGURATION_NAME_PATTERN } from '../../../shared/gcp-validation';
import { gcloudProperty, parseGcloudProperties, type GcloudProperties } from './gcloud-properties';

const CONFIG_PREFIX = 'config_';

export interface GcloudConfigurationsListing {
  configDirFound: boolean;
  activeConfiguration: string | undefined;
  configurations: GcloudConfiguration[];
}

/**
 * Every named configuration in a gcloud config dir and which one is active. Reads only: gcloud's
 * files are never written, and nothing here touches the network.
 */
export async function listGcloudConfigurations(
  configDir: string,
  env: NodeJS.ProcessEnv,
): Promise<GcloudConfigurationsListing> {
  const entries = await readdir(join(configDir, 'configurations')).catch(missingAsEmpty);
  const configDirFound = entries !== undefined || (await readdir(configDir).catch(missingAsEmpty)) !== undefined;
  const names = (entries ?? [])
    .filter((file) => file.startsWith(CONFIG_PREFIX))
    .map((file) => file.slice(CONFIG_PREFIX.length))
    .filter((name) => GCLOUD_CONFIGURATION_NAME_PATTERN.test(name))
    .sort();
  const activeConfiguration = await readActiveConfigurationName(configDir, env, names);
  const configurations = await Promise.all(
    names.map(async (name) => {
      const properties = await readGcloudConfiguration(configDir, name);
      return describeConfiguration(name, name === activeConfiguration, properties);
    }),
  );
  return { configDirFound, activeConfiguration, configurations };
}

/** The parsed properties of `configurations/config_NAME`; an empty set when the file is absent. */
export async function readGcloudConfiguration(configDir: string, name: string): Promise<GcloudProperties> {
  const text = await readFile(join(configDir, 'configurations', `${CONFIG_PREFIX}${name}`), 'utf8').catch(
    missingAsEmpty,
  );
  return parseGcloudProperties(text ?? '');
}

function describeConfiguration(name: string, active: boolean, properties: GcloudProperties): GcloudConfiguration {
  const account = gcloudProperty(properties, 'core', 'account');
  const project = gcloudProperty(properties, 'core', 'project');
  const impersonateServiceAccount = gcloudProperty(properties, 'auth', 'impersonate_service_account');
  return {
    name,
    active,
    ...(account === undefined ? {} : { account }),
    ...(project === undefined ? {} : { project }),
    ...(impersonateServiceAccount === undefined ? {} : { impersonateServiceAccount }),
  };
}

// gcloud's precedence: CLOUDSDK_ACTIVE_CONFIG_NAME, then the active_config file, then "default".
async function readActiveConfigurationName(
  configDir: string,
  env: NodeJS.ProcessEnv,
  names: readonly string[],
): Promise<string | undefined> {
  const fromEnv = env.CLOUDSDK_ACTIVE_CONFIG_NAME?.trim();
  if (fromEnv) return fromEnv;
  const fromFile = (await readFile(join(configDir, 'active_config'), 'utf8').catch(missingAsEmpty))?.trim();
  if (fromFile) return fromFile;
  return names.includes('default') ? 'default' : undefined;
}

function missingAsEmpty(error: unknown): undefined {
  if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
    return undefined;
  }
  throw error;
}
