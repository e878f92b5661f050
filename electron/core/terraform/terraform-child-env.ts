/**
 * Credentials already resolved in the app (so MFA and SSO sessions work), handed to one Terraform
 * child through its environment only: never written to disk, never logged.
 */
export type TerraformCredentials =
  | {
      kind: 'aws';
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
      region: string;
    }
  | { kind: 'gcp'; accessToken: string }
  /** Workspaces that need no cloud (built-in resources only), and tests. */
  | { kind: 'none' };

/** Where a workspace's credentials come from: the AWS and GCP modules implement this. */
export interface TerraformCredentialSource {
  /** `interactive`: the operator started the run, so an MFA code or sign-in may be asked for. */
  credentialsFor(workspaceKey: string, context: { interactive: boolean }): Promise<TerraformCredentials>;
}

/**
 * The app's variables a Terraform child may see: enough to find programs, a home and a temp dir, and
 * to reach the network through the operator's proxy. Nothing else: the app's own secrets, AWS_* or
 * GOOGLE_* variables, registry tokens (TF_TOKEN_*) and the like stay behind.
 */
const INHERITED = [
  'PATH',
  'HOME',
  'USERPROFILE',
  'TMPDIR',
  'TEMP',
  'TMP',
  'SystemRoot',
  'LANG',
  'LC_ALL',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  // The operator's CLI configuration: where provider mirrors for offline machines are set up.
  'TF_CLI_CONFIG_FILE',
] as const;

/** Variables Liaison sets for every run: no prompts, no update check, output for a program. */
const FIXED = { TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' } as const;

export function buildTerraformEnv(
  appEnv: NodeJS.ProcessEnv,
  credentials: TerraformCredentials,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = appEnv[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, FIXED);
  Object.assign(env, credentialEnv(credentials.kind).variables(credentials));
  return env;
}

/** The secret values a run's output must never show, longest first so none is half-redacted. */
export function secretsOf(credentials: TerraformCredentials): string[] {
  const values = credentialEnv(credentials.kind).secrets(credentials);
  return values.filter((value) => value.length >= 4).sort((a, b) => b.length - a.length);
}

/** How one kind of credentials reaches a Terraform child: its variables, and which of them are secret. */
interface CredentialEnv<C extends TerraformCredentials> {
  variables(credentials: C): Record<string, string>;
  secrets(credentials: C): string[];
}

const CREDENTIAL_ENVS: {
  readonly [K in TerraformCredentials['kind']]: CredentialEnv<Extract<TerraformCredentials, { kind: K }>>;
} = {
  aws: {
    variables: (credentials) => ({
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
      AWS_REGION: credentials.region,
      // The provider must use these keys, not whatever profile the shared files name as default.
      AWS_EC2_METADATA_DISABLED: 'true',
    }),
    secrets: (credentials) => [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken ?? ''],
  },
  gcp: {
    variables: (credentials) => ({ GOOGLE_OAUTH_ACCESS_TOKEN: credentials.accessToken }),
    secrets: (credentials) => [credentials.accessToken],
  },
  none: { variables: () => ({}), secrets: () => [] },
};

/** The record for a kind; the one widening cast: it is handed only credentials of that kind. */
function credentialEnv(kind: TerraformCredentials['kind']): CredentialEnv<TerraformCredentials> {
  return CREDENTIAL_ENVS[kind] as CredentialEnv<TerraformCredentials>;
}
