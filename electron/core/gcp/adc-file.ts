import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { adcTypeSchema, type AdcSummary, type AdcType } from '../../../shared/contract/gcp';

export const WELL_KNOWN_ADC_FILE = 'application_default_credentials.json';

/** Where ADC comes from: GOOGLE_APPLICATION_CREDENTIALS, else the file in gcloud's config dir. */
export function locateAdcFile(env: NodeJS.ProcessEnv, configDir: string): Pick<AdcSummary, 'path' | 'source'> {
  const fromEnv = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (fromEnv) return { path: fromEnv, source: 'env' };
  return { path: join(configDir, WELL_KNOWN_ADC_FILE), source: 'well-known' };
}

/** The parsed ADC file; its secrets stay in this object, which never leaves the main process. */
export type AdcJson = Record<string, unknown> & { type?: unknown };

export type AdcRead =
  | { status: 'found'; json: AdcJson; summary: Extract<AdcSummary, { status: 'found' }> }
  | { status: 'missing' | 'unreadable'; summary: AdcSummary };

/** Reads and classifies the ADC file; makes no network call. */
export async function readAdcFile(location: Pick<AdcSummary, 'path' | 'source'>): Promise<AdcRead> {
  let text: string;
  try {
    text = await readFile(location.path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT') return { status: 'missing', summary: { status: 'missing', ...location } };
    const message = code === 'EACCES' ? 'Liaison may not read this file' : `The file cannot be read (${String(code)})`;
    return { status: 'unreadable', summary: { status: 'unreadable', ...location, message } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 'unreadable', summary: { status: 'unreadable', ...location, message: 'The file is not JSON' } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      status: 'unreadable',
      summary: { status: 'unreadable', ...location, message: 'The file is not a credentials object' },
    };
  }
  const adc = json as AdcJson;
  return { status: 'found', json: adc, summary: { status: 'found', ...location, ...describeAdc(adc) } };
}

type AdcDescription = Omit<Extract<AdcSummary, { status: 'found' }>, 'status' | 'path' | 'source'>;

/** What an ADC object says about itself, without any secret. */
export function describeAdc(json: AdcJson): AdcDescription {
  const type = adcType(json);
  const quotaProjectId = stringField(json, 'quota_project_id');
  const common = quotaProjectId === undefined ? {} : { quotaProjectId };
  switch (type) {
    case 'service_account':
      return withDefined({
        type,
        ...common,
        principal: stringField(json, 'client_email'),
        projectId: stringField(json, 'project_id'),
      });
    case 'impersonated_service_account': {
      const source = json.source_credentials;
      const sourceType = typeof source === 'object' && source !== null ? adcType(source as AdcJson) : undefined;
      return withDefined({
        type,
        ...common,
        principal: impersonationTarget(stringField(json, 'service_account_impersonation_url')),
        sourceType,
      });
    }
    case 'external_account':
      return withDefined({
        type,
        ...common,
        principal: impersonationTarget(stringField(json, 'service_account_impersonation_url')),
        audience: stringField(json, 'audience'),
      });
    case 'external_account_authorized_user':
      return withDefined({ type, ...common, audience: stringField(json, 'audience') });
    case 'authorized_user':
      // Newer gcloud records the signed-in account; older files name no one until a token is fetched.
      return withDefined({ type, ...common, principal: stringField(json, 'account') });
    case 'unknown':
      return { type };
  }
}

export function adcType(json: AdcJson): AdcType {
  const parsed = adcTypeSchema.safeParse(json.type);
  return parsed.success ? parsed.data : 'unknown';
}

/** The service account in `…/serviceAccounts/EMAIL:generateAccessToken`, as google-auth-library reads it. */
export function impersonationTarget(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /([^/]+):generate(Access|Id)Token$/.exec(url)?.[1];
}

export function stringField(json: AdcJson, key: string): string | undefined {
  const value = json[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function withDefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
