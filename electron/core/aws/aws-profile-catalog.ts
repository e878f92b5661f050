import { statSync } from 'node:fs';
import { loadSharedConfigFiles, readFile, type ParsedIniData } from '@smithy/shared-ini-file-loader';
import type { AwsProfile, AwsProfileList, AwsProfileWarning } from '../../../shared/contract/aws';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import { resolveAwsConfigPaths, type AwsConfigPaths } from './aws-config-paths';
import { addFileWarnings } from './check-profile-files';
import { profileClientSettings } from './profile-client-settings';
import { classifyAwsProfiles, type ParsedAwsFiles } from './classify-aws-profiles';
import { scanIniSections, type IniFileRole, type IniSectionScan } from './scan-ini-sections';
import { watchAwsConfigFiles } from './watch-aws-config-files';

export interface AwsProfileCatalogOptions {
  env?: NodeJS.ProcessEnv;
  events?: EventBus;
  logger?: Logger;
  /** Reload when the files change on disk (on by default). */
  watch?: boolean;
  /** Called after a reload caused by a change on disk. */
  onChange?: () => void;
}

interface Snapshot {
  list: AwsProfileList;
  byName: Map<string, AwsProfile>;
  files: ParsedAwsFiles;
}

/**
 * The operator's AWS profiles as the SDK sees them: loaded with the SDK's own loader on first use,
 * classified, and reloaded when the files change. Listing resolves no credential and calls nothing.
 */
export class AwsProfileCatalog {
  readonly paths: AwsConfigPaths;
  readonly #options: AwsProfileCatalogOptions;
  readonly #env: NodeJS.ProcessEnv;
  #snapshot: Promise<Snapshot> | undefined;
  #stopWatching: (() => void) | undefined;
  #closed = false;

  constructor(options: AwsProfileCatalogOptions = {}) {
    this.#options = options;
    this.#env = options.env ?? process.env;
    this.paths = resolveAwsConfigPaths(this.#env);
  }

  async list(): Promise<AwsProfileList> {
    return (await this.#current()).list;
  }

  async profile(name: string): Promise<AwsProfile | undefined> {
    return (await this.#current()).byName.get(name);
  }

  /**
   * What an SDK client built for this profile reads from the files besides its credentials, as a
   * key (main process only: see `profileClientSettings`). Undefined for a profile the files lack.
   */
  async clientSettings(name: string): Promise<string | undefined> {
    return profileClientSettings((await this.#current()).files, name);
  }

  /** One setting of an `[sso-session NAME]` section (main process only: never sent as a whole). */
  async ssoSessionSetting(session: string, key: string): Promise<string | undefined> {
    return (await this.#current()).files.configFile[`sso-session.${session}`]?.[key];
  }

  /** Forgets the loaded files; the next call reads them again. */
  invalidate(): void {
    this.#snapshot = undefined;
  }

  close(): void {
    this.#closed = true;
    this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  #current(): Promise<Snapshot> {
    if (!this.#snapshot) {
      const loading = this.#load();
      this.#snapshot = loading;
      loading.catch(() => {
        if (this.#snapshot === loading) this.#snapshot = undefined;
      });
      this.#startWatching();
    }
    return this.#snapshot;
  }

  #startWatching(): void {
    if (this.#stopWatching || this.#closed || this.#options.watch === false) return;
    this.#stopWatching = watchAwsConfigFiles([this.paths.configFile, this.paths.credentialsFile], () => {
      if (this.#closed) return;
      this.invalidate();
      this.#current()
        .then((snapshot) => {
          this.#options.onChange?.();
          this.#options.events?.emit('awsProfilesChanged', { loadedAt: snapshot.list.loadedAt });
        })
        .catch((error: unknown) => this.#options.logger?.warn({ err: error }, 'reloading AWS profiles failed'));
    });
  }

  async #load(): Promise<Snapshot> {
    const files = await loadAwsConfigFiles(this.paths);
    const { profiles, ssoSessions } = classifyAwsProfiles(files.parsed, this.paths.activeProfile);
    const merged = (name: string): ParsedIniData[string] | undefined => {
      const config = files.parsed.configFile[name];
      const credentials = files.parsed.credentialsFile[name];
      return config && credentials ? { ...config, ...credentials } : (config ?? credentials);
    };
    addFileWarnings(profiles, merged, this.#env);
    const byName = new Map<string, AwsProfile>();
    for (const profile of profiles) byName.set(profile.name, profile);
    const warnings = [
      ...sectionWarnings(files.configScan, 'config', this.paths.configFile, byName),
      ...sectionWarnings(files.credentialsScan, 'credentials', this.paths.credentialsFile, byName),
    ];
    return {
      files: files.parsed,
      byName,
      list: {
        configFile: { path: this.paths.configFile, exists: files.configExists },
        credentialsFile: { path: this.paths.credentialsFile, exists: files.credentialsExists },
        activeProfile: this.paths.activeProfile,
        profiles,
        ssoSessions,
        warnings,
        loadedAt: new Date().toISOString(),
      },
    };
  }
}

interface LoadedFiles {
  parsed: ParsedAwsFiles;
  configExists: boolean;
  credentialsExists: boolean;
  configScan: IniSectionScan;
  credentialsScan: IniSectionScan;
}

/** The SDK's loader (fresh, not its cache), plus a header scan of the very text it parsed. */
export async function loadAwsConfigFiles(paths: AwsConfigPaths): Promise<LoadedFiles> {
  const parsed = await loadSharedConfigFiles({
    filepath: paths.credentialsFile,
    configFilepath: paths.configFile,
    ignoreCache: true,
  });
  // The loader left the text it just read in its cache: scanning it costs no second read.
  const [configText, credentialsText] = await Promise.all([
    readFile(paths.configFile).catch(() => ''),
    readFile(paths.credentialsFile).catch(() => ''),
  ]);
  return {
    parsed,
    configExists: fileExists(paths.configFile),
    credentialsExists: fileExists(paths.credentialsFile),
    configScan: scanIniSections(configText, 'config'),
    credentialsScan: scanIniSections(credentialsText, 'credentials'),
  };
}

function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Duplicates go on the profile; dropped or refused sections on the file. */
function sectionWarnings(
  scan: IniSectionScan,
  role: IniFileRole,
  path: string,
  byName: Map<string, AwsProfile>,
): AwsProfileWarning[] {
  const warnings: AwsProfileWarning[] = [];
  for (const [key, lines] of scan.duplicates) {
    const message = `defined ${lines.length} times in the ${role} file (lines ${lines.join(', ')}); the SDK keeps the values read last`;
    const profile = byName.get(key);
    if (profile) {
      profile.warnings.push({
        code: 'DUPLICATE_SECTION',
        message: `"${key}" is ${message}`,
        remediation: 'Merge the sections into one.',
      });
    } else {
      warnings.push({ code: 'DUPLICATE_SECTION', message: `[${key.replace('.', ' ')}] is ${message}` });
    }
  }
  for (const problem of scan.problems) {
    const at = `${path}, line ${problem.line}`;
    if (problem.problem === 'blocked') {
      warnings.push({
        code: 'FILE_REFUSED',
        message: `The SDK refuses to read ${path}: section [${problem.header}] (line ${problem.line}) is not allowed, so no profile in this file is visible to the SDK or CLI`,
        remediation: `Rename or remove [${problem.header}].`,
      });
    } else if (problem.problem === 'ignored') {
      warnings.push({
        code: 'SECTION_IGNORED',
        message: `[${problem.header}] (${at}) is ignored by the SDK`,
        remediation:
          role === 'config'
            ? `In the config file, write profiles as [profile ${problem.header.replace(/^profile\s+/, '')}] (only [default] has no prefix).`
            : 'In the credentials file, write profiles as [name].',
      });
    } else {
      warnings.push({
        code: 'SECTION_PREFIXED',
        message: `[${problem.header}] (${at}) is read as a profile named "${problem.header.replace(' ', '.')}"`,
        remediation: `The credentials file has no "profile " prefix: write [${problem.header.replace(/^profile\s+/, '')}].`,
      });
    }
  }
  return warnings;
}
