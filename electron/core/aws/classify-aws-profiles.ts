import type { ParsedIniData } from '@smithy/shared-ini-file-loader';
import { AWS_ACCOUNT_ID_PATTERN, AWS_REGION_PATTERN, parseRoleArn } from '../../../shared/aws-validation';
import type { AwsProfile, AwsProfileKind, AwsProfileWarning, AwsSsoSession } from '../../../shared/contract/aws';

type Section = Record<string, string | undefined>;
type LeafKind = AwsProfile['leafKind'];

export const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'] as const;

export interface ParsedAwsFiles {
  /** As `loadSharedConfigFiles` returns it: profiles by name, plus `sso-session.*` and `services.*`. */
  configFile: ParsedIniData;
  credentialsFile: ParsedIniData;
}

/**
 * Every profile the SDK can see, as `parseKnownFiles` merges them (credentials file wins a clash), in
 * code-unit order, and the config file's `sso-session.*` keys. One enumeration per file and no Set:
 * these objects can hold thousands of keys, where building a Set costs more than the lookups.
 */
export function sectionKeys(files: ParsedAwsFiles): {
  profiles: string[];
  sessions: string[];
  inCredentials: Set<string>;
} {
  const profiles: string[] = [];
  const sessions: string[] = [];
  const inCredentials = new Set<string>();
  for (const key of Object.keys(files.configFile)) {
    if (key.startsWith('sso-session.')) sessions.push(key);
    else if (!key.startsWith('services.')) profiles.push(key);
  }
  for (const key of Object.keys(files.credentialsFile)) {
    inCredentials.add(key);
    const inConfigAsProfile =
      files.configFile[key] !== undefined && !key.startsWith('sso-session.') && !key.startsWith('services.');
    if (!inConfigAsProfile) profiles.push(key);
  }
  // sort's default order is code units: as stable as localeCompare for profile names, with no comparator to call.
  profiles.sort();
  return { profiles, sessions, inCredentials };
}

/**
 * Says how the SDK's `fromIni` would resolve each profile, without resolving anything: the same
 * precedence (role, static, web identity, process, SSO, login), the same `source_profile` recursion
 * and cycle rule. Problems become warnings on the profile; nothing here throws.
 */
export function classifyAwsProfiles(
  files: ParsedAwsFiles,
  activeProfile: string,
): { profiles: AwsProfile[]; ssoSessions: AwsSsoSession[] } {
  // A lookup that misses is slow on these objects (it walks the prototype chain), and most profiles
  // are in one file only: ask a Set of the credentials file's keys first.
  const keys = sectionKeys(files);
  const merged = (name: string): Section | undefined => {
    const config = files.configFile[name];
    const credentials = keys.inCredentials.has(name) ? files.credentialsFile[name] : undefined;
    if (!config) return credentials;
    return credentials ? { ...config, ...credentials } : config;
  };
  const sessionProfileCounts = new Map<string, number>();
  // Thousands of profiles share a handful of sessions: look each up once.
  const sessionSections = new Map<string, Section | undefined>();
  const session = (sessionName: string): Section | undefined => {
    if (!sessionSections.has(sessionName)) {
      sessionSections.set(sessionName, files.configFile[`sso-session.${sessionName}`]);
    }
    return sessionSections.get(sessionName);
  };
  // Thousands of profiles name a handful of regions: each is matched against the pattern once.
  const regions = new Map<string, boolean>();
  const validRegion = (region: string): boolean => {
    let valid = regions.get(region);
    if (valid === undefined) regions.set(region, (valid = AWS_REGION_PATTERN.test(region)));
    return valid;
  };
  const context: ClassifyContext = {
    files,
    merged,
    session,
    credentialKeys: keys.inCredentials,
    activeProfile,
    validRegion,
  };
  const profiles = keys.profiles.map((name) => {
    const profile = classifyProfile(name, context);
    if (profile.ssoSession) {
      sessionProfileCounts.set(profile.ssoSession, (sessionProfileCounts.get(profile.ssoSession) ?? 0) + 1);
    }
    return profile;
  });
  const ssoSessions: AwsSsoSession[] = [];
  for (const key of keys.sessions) {
    const section = files.configFile[key] ?? {};
    const name = key.slice('sso-session.'.length);
    const session: AwsSsoSession = { name, profileCount: sessionProfileCounts.get(name) ?? 0 };
    if (section.sso_start_url !== undefined) session.startUrl = section.sso_start_url;
    if (section.sso_region !== undefined) session.region = section.sso_region;
    ssoSessions.push(session);
  }
  return { profiles, ssoSessions };
}

interface ClassifyContext {
  files: ParsedAwsFiles;
  merged: (name: string) => Section | undefined;
  session: (sessionName: string) => Section | undefined;
  credentialKeys: Set<string>;
  activeProfile: string;
  validRegion: (region: string) => boolean;
}

function classifyProfile(name: string, context: ClassifyContext): AwsProfile {
  const { files, merged, credentialKeys, activeProfile } = context;
  const data = merged(name) ?? {};
  const warnings: AwsProfileWarning[] = [];
  const kind = topLevelKind(data);
  const chain = kind === 'role' ? walkSourceChain(name, merged, warnings) : undefined;
  const leafKind: LeafKind = chain ? chain.leafKind : kind;
  const leafName = chain?.hops.at(-1) ?? name;
  const leafData = (chain ? merged(leafName) : data) ?? {};
  const sso = ssoDetails(
    leafKind === 'sso' || leafKind === 'sso-legacy' ? leafData : {},
    context.session,
    leafName,
    warnings,
  );

  checkOwnFields(name, data, kind, warnings, context.validRegion);
  const account = knownAccount(data, kind, leafKind === 'sso' || leafKind === 'sso-legacy' ? leafData : {});
  const inConfig = files.configFile[name] !== undefined;
  const inCredentials = credentialKeys.has(name);

  // Built field by field rather than with spreads: this runs once per profile, thousands of times.
  const profile: AwsProfile = {
    name,
    kind,
    files: inConfig && inCredentials ? ['config', 'credentials'] : inConfig ? ['config'] : ['credentials'],
    isActive: name === activeProfile,
    sourceChain: chain?.hops ?? [],
    leafKind,
    warnings,
  };
  if (data.region !== undefined) profile.region = data.region;
  if (account) {
    profile.accountId = account.id;
    profile.accountIdSource = account.source;
  }
  if (data.role_arn !== undefined) profile.roleArn = data.role_arn;
  if (leafData.sso_role_name !== undefined) profile.ssoRoleName = leafData.sso_role_name;
  if (chain?.credentialSource !== undefined) profile.credentialSource = chain.credentialSource;
  if (sso.ssoSession !== undefined) profile.ssoSession = sso.ssoSession;
  if (sso.ssoStartUrl !== undefined) profile.ssoStartUrl = sso.ssoStartUrl;
  if (sso.ssoRegion !== undefined) profile.ssoRegion = sso.ssoRegion;
  if (chain?.mfaSerial !== undefined) profile.mfaSerial = chain.mfaSerial;
  if (data.endpoint_url !== undefined) profile.endpointUrl = data.endpoint_url;
  return profile;
}

/** `fromIni`'s order for the profile it was asked for. */
export function topLevelKind(data: Section): AwsProfileKind {
  if (isAssumeRoleProfile(data)) return 'role';
  if (isStatic(data)) return 'static';
  if (data.web_identity_token_file !== undefined && data.role_arn !== undefined) return 'web-identity';
  if (data.credential_process !== undefined) return 'process';
  if (
    data.sso_start_url !== undefined ||
    data.sso_account_id !== undefined ||
    data.sso_session !== undefined ||
    data.sso_region !== undefined ||
    data.sso_role_name !== undefined
  ) {
    return data.sso_session !== undefined ? 'sso' : 'sso-legacy';
  }
  if (data.login_session !== undefined) return 'login';
  return 'none';
}

function isAssumeRoleProfile(data: Section): boolean {
  if (data.role_arn === undefined) return false;
  const withSource = data.source_profile !== undefined && data.credential_source === undefined;
  const withCredentialSource = data.credential_source !== undefined && data.source_profile === undefined;
  return withSource || withCredentialSource;
}

function isStatic(data: Section): boolean {
  return data.aws_access_key_id !== undefined && data.aws_secret_access_key !== undefined;
}

interface SourceChain {
  hops: string[];
  leafKind: LeafKind;
  credentialSource?: string;
  mfaSerial?: string;
}

/** `resolveAssumeRoleCredentials`' recursion, walked without calling anything. */
function walkSourceChain(
  name: string,
  merged: (name: string) => Section | undefined,
  warnings: AwsProfileWarning[],
): SourceChain {
  const hops: string[] = [];
  const visited = new Set<string>();
  let current = name;
  let data = merged(name) ?? {};
  let mfaSerial: string | undefined;
  let assumeRoleHop = true;
  for (;;) {
    if (visited.size > 0 && isStatic(data)) return { hops, leafKind: 'static', ...optionalMfa(mfaSerial) };
    if (!assumeRoleHop && !isAssumeRoleProfile(data)) {
      const leafKind = topLevelKind(data);
      if (leafKind === 'none') {
        warnings.push({
          code: 'SOURCE_PROFILE_NO_CREDENTIALS',
          message: `source_profile "${current}" has no credentials the SDK can use`,
          remediation: `Give [profile ${current}] keys, SSO settings, a credential_process or a role of its own.`,
        });
      }
      return { hops, leafKind, ...optionalMfa(mfaSerial) };
    }
    if (data.role_arn !== undefined && data.mfa_serial !== undefined) mfaSerial ??= data.mfa_serial;
    const source = data.source_profile;
    if (source === undefined) {
      const credentialSource = data.credential_source ?? '';
      if (!(CREDENTIAL_SOURCES as readonly string[]).includes(credentialSource)) {
        warnings.push({
          code: 'CREDENTIAL_SOURCE_UNSUPPORTED',
          message: `credential_source "${credentialSource}" in "${current}" is not one the SDK supports`,
          remediation: `Use one of ${CREDENTIAL_SOURCES.join(', ')}.`,
        });
        return { hops, leafKind: 'none', ...optionalMfa(mfaSerial) };
      }
      return { hops, leafKind: 'credential-source', credentialSource, ...optionalMfa(mfaSerial) };
    }
    if (visited.has(source)) {
      warnings.push({
        code: 'SOURCE_PROFILE_CYCLE',
        message: `The source_profile chain loops: ${firstLoop([name, ...hops, source]).join(' → ')}`,
        remediation: `Point one of these profiles' source_profile at a profile with credentials of its own.`,
      });
      return { hops, leafKind: 'none', ...optionalMfa(mfaSerial) };
    }
    const sourceData = merged(source);
    if (!sourceData) {
      warnings.push({
        code: 'SOURCE_PROFILE_MISSING',
        message: `source_profile "${source}" does not exist${current === name ? '' : ` (named by "${current}")`}`,
        remediation: `Add a [profile ${source}] section, or point source_profile at an existing profile.`,
      });
      return { hops, leafKind: 'none', ...optionalMfa(mfaSerial) };
    }
    visited.add(source);
    hops.push(source);
    current = source;
    data = sourceData;
    // The SDK treats a source with credential_source but no role_arn as a role hop that assumes nothing.
    assumeRoleHop = data.role_arn === undefined && data.credential_source !== undefined;
  }
}

/** The path up to where it first comes back to a profile it has been through: a → b → a. */
function firstLoop(path: string[]): string[] {
  const seen = new Set<string>();
  for (const [index, step] of path.entries()) {
    if (seen.has(step)) return path.slice(0, index + 1);
    seen.add(step);
  }
  return path;
}

function optionalMfa(mfaSerial: string | undefined): { mfaSerial?: string } {
  return mfaSerial === undefined ? {} : { mfaSerial };
}

const SESSION_KEYS = ['sso_start_url', 'sso_region'] as const;
const SESSION_PROFILE_KEYS = ['sso_account_id', 'sso_role_name'] as const;
const LEGACY_SSO_PROFILE_KEYS = ['sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'] as const;

function ssoDetails(
  data: Section,
  sessionSection: (sessionName: string) => Section | undefined,
  owner: string,
  warnings: AwsProfileWarning[],
): Pick<AwsProfile, 'ssoSession' | 'ssoStartUrl' | 'ssoRegion'> {
  if (data.sso_session !== undefined) {
    const sessionName = data.sso_session;
    const session = sessionSection(sessionName);
    if (!session) {
      warnings.push({
        code: 'SSO_SESSION_MISSING',
        message: `sso_session "${sessionName}" has no [sso-session ${sessionName}] section`,
        remediation: `Add [sso-session ${sessionName}] with sso_start_url and sso_region, or run \`aws configure sso\`.`,
      });
      return { ssoSession: sessionName };
    }
    if (!session.sso_start_url || !session.sso_region) {
      const missing = SESSION_KEYS.filter((key) => !session[key]);
      warnings.push({
        code: 'SSO_SESSION_INCOMPLETE',
        message: `[sso-session ${sessionName}] is missing ${missing.join(' and ')}`,
        remediation: `Add ${missing.join(' and ')} to [sso-session ${sessionName}].`,
      });
    }
    for (const key of SESSION_KEYS) {
      if (data[key] !== undefined && session[key] !== undefined && data[key] !== session[key]) {
        warnings.push({
          code: 'SSO_SESSION_CONFLICT',
          message: `"${owner}" sets ${key} to a different value than [sso-session ${sessionName}]; the SDK refuses it`,
          remediation: `Remove ${key} from the profile; the session's value applies.`,
        });
      }
    }
    requireKeys(owner, data, SESSION_PROFILE_KEYS, warnings);
    const details: Pick<AwsProfile, 'ssoSession' | 'ssoStartUrl' | 'ssoRegion'> = { ssoSession: sessionName };
    if (session.sso_start_url !== undefined) details.ssoStartUrl = session.sso_start_url;
    if (session.sso_region !== undefined) details.ssoRegion = session.sso_region;
    return details;
  }
  if (data.sso_start_url === undefined && data.sso_account_id === undefined && data.sso_role_name === undefined) {
    return {};
  }
  requireKeys(owner, data, LEGACY_SSO_PROFILE_KEYS, warnings);
  return { ...optional('ssoStartUrl', data.sso_start_url), ...optional('ssoRegion', data.sso_region) };
}

function requireKeys(owner: string, data: Section, keys: readonly string[], warnings: AwsProfileWarning[]): void {
  let complete = true;
  for (const key of keys) complete &&= Boolean(data[key]);
  if (complete) return;
  const missing = keys.filter((key) => !data[key]);
  warnings.push({
    code: 'SSO_PROFILE_INCOMPLETE',
    message: `SSO profile "${owner}" is missing ${missing.join(', ')}`,
    remediation: `Add ${missing.join(', ')} to [profile ${owner}], or run \`aws configure sso\`.`,
  });
}

/** Problems in the profile's own keys, whatever its kind. */
function checkOwnFields(
  name: string,
  data: Section,
  kind: AwsProfileKind,
  warnings: AwsProfileWarning[],
  validRegion: (region: string) => boolean,
): void {
  if ((data.aws_access_key_id === undefined) !== (data.aws_secret_access_key === undefined)) {
    warnings.push({
      code: 'STATIC_KEYS_INCOMPLETE',
      message: `"${name}" has ${data.aws_access_key_id === undefined ? 'aws_secret_access_key' : 'aws_access_key_id'} without its pair`,
      remediation: 'Set both aws_access_key_id and aws_secret_access_key, or neither.',
    });
  }
  if (data.role_arn !== undefined) {
    if (!parseRoleArn(data.role_arn)) {
      warnings.push({
        code: 'ROLE_ARN_INVALID',
        message: `role_arn "${data.role_arn}" is not an IAM role ARN`,
        remediation: 'Use the form arn:aws:iam::123456789012:role/NAME.',
      });
    }
    if (data.source_profile !== undefined && data.credential_source !== undefined) {
      warnings.push({
        code: 'ROLE_SOURCE_AMBIGUOUS',
        message: `"${name}" sets both source_profile and credential_source, so the SDK does not assume its role`,
        remediation: 'Keep one of source_profile or credential_source.',
      });
    } else if (kind !== 'role' && kind !== 'web-identity' && data.source_profile === undefined) {
      warnings.push({
        code: 'ROLE_WITHOUT_SOURCE',
        message: `"${name}" has role_arn but no source_profile, credential_source or web_identity_token_file`,
        remediation: 'Add source_profile (a profile with credentials) or credential_source.',
      });
    }
  }
  if (data.region !== undefined && !validRegion(data.region)) {
    warnings.push({
      code: 'REGION_INVALID',
      message: `region "${data.region}" is not an AWS region code`,
      remediation: 'Use a region code such as us-east-1.',
    });
  }
  if (data.sso_account_id !== undefined && !AWS_ACCOUNT_ID_PATTERN.test(data.sso_account_id)) {
    warnings.push({
      code: 'ACCOUNT_ID_INVALID',
      message: `sso_account_id "${data.sso_account_id}" is not a 12-digit account id`,
      remediation: 'Copy the account id from the AWS access portal.',
    });
  }
  if (kind === 'none' && data.source_profile === undefined && data.role_arn === undefined) {
    warnings.push({
      code: 'NO_CREDENTIALS',
      message: `"${name}" has no credentials of its own (only settings such as region)`,
      remediation: 'Add keys, SSO settings, a role or a credential_process if you want to verify it.',
    });
  }
}

function knownAccount(
  data: Section,
  kind: AwsProfileKind,
  ssoData: Section,
): { id: string; source: NonNullable<AwsProfile['accountIdSource']> } | undefined {
  const ssoAccount = data.sso_account_id ?? (kind === 'role' ? undefined : ssoData.sso_account_id);
  if (ssoAccount !== undefined && AWS_ACCOUNT_ID_PATTERN.test(ssoAccount))
    return { id: ssoAccount, source: 'sso_account_id' };
  if (data.role_arn !== undefined && (kind === 'role' || kind === 'web-identity')) {
    const role = parseRoleArn(data.role_arn);
    if (role) return { id: role.account, source: 'role_arn' };
  }
  if (data.aws_account_id !== undefined && AWS_ACCOUNT_ID_PATTERN.test(data.aws_account_id)) {
    return { id: data.aws_account_id, source: 'aws_account_id' };
  }
  return undefined;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
