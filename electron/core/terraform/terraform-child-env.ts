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
  switch (credentials.kind) {
    case 'aws':
      env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
      env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
      if (credentials.sessionToken) env.AWS_SESSION_TOKEN = credentials.sessionToken;
      env.AWS_REGION = credentials.region;
      // The provider must use these keys, not whatever profile the shared files name as default.
      env.AWS_EC2_METADATA_DISABLED = 'true';
      break;
    case 'gcp':
      env.GOOGLE_OAUTH_ACCESS_TOKEN = credentials.accessToken;
      break;
    case 'none':
      break;
  }
  return env;
}

/** The secret values a run's output must never show, longest first so none is half-redacted. */
export function secretsOf(credentials: TerraformCredentials): string[] {
  const values =
    credentials.kind === 'aws'
      ? [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken ?? '']
      : credentials.kind === 'gcp'
        ? [credentials.accessToken]
        : [];
  return values.filter((value) => value.length >= 4).sort((a, b) => b.length - a.length);
}
