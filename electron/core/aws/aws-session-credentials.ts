import { awsErrorCodes } from '../../../shared/contract/aws';
import { CoreError } from '../core-error';
import { awsProfileCredentialProvider } from './aws-credential-provider';
import type { AwsMfaPrompts } from './aws-mfa-prompts';
import type { AwsProfileCatalog } from './aws-profile-catalog';
import { describeAwsError } from './describe-aws-error';

/** A profile's resolved keys: held in the main process only, for a child process's environment. */
export interface AwsSessionKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
  expiresAt?: Date;
}

/** Keys are reused until this long before they expire, so a plan and its apply ask for MFA once. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * Resolves a profile to keys through the same SDK path as verification, so MFA prompts and SSO
 * sessions work. The keys are cached in memory only and never leave the main process.
 */
export class AwsSessionCredentials {
  readonly #catalog: AwsProfileCatalog;
  readonly #mfa: AwsMfaPrompts;
  readonly #now: () => number;
  readonly #cache = new Map<string, AwsSessionKeys>();

  constructor(options: { catalog: AwsProfileCatalog; mfa: AwsMfaPrompts; now?: () => number }) {
    this.#catalog = options.catalog;
    this.#mfa = options.mfa;
    this.#now = options.now ?? Date.now;
  }

  /** Drops cached keys (the files changed, or a sign-in happened). */
  forget(): void {
    this.#cache.clear();
  }

  /** `interactive`: a run the operator started may ask for an MFA code; a background one may not. */
  async resolve(name: string, options: { interactive: boolean }): Promise<AwsSessionKeys> {
    const cached = this.#cache.get(name);
    if (cached && (cached.expiresAt === undefined || cached.expiresAt.getTime() - EXPIRY_MARGIN_MS > this.#now())) {
      return cached;
    }
    const profile = await this.#catalog.profile(name);
    if (!profile) {
      throw new CoreError({
        code: awsErrorCodes.profileNotFound,
        message: `There is no AWS profile named "${name}"`,
        remediation: `Check ${this.#catalog.paths.configFile} and ${this.#catalog.paths.credentialsFile}.`,
      });
    }
    const region = profile.region ?? 'us-east-1';
    try {
      const credentials = await awsProfileCredentialProvider(name, {
        paths: this.#catalog.paths,
        region,
        ...(options.interactive && profile.mfaSerial
          ? { mfaCodeProvider: (serial: string) => this.#mfa.ask(name, serial) }
          : {}),
        requestHandler: { requestTimeout: 15_000, connectionTimeout: 5_000, throwOnRequestTimeout: true },
      })();
      const keys: AwsSessionKeys = {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
        region,
        ...(credentials.expiration ? { expiresAt: credentials.expiration } : {}),
      };
      // Long-term keys are re-read every time (cheap, and an edit to the files takes effect at once).
      if (keys.expiresAt) this.#cache.set(name, keys);
      return keys;
    } catch (error) {
      if (error instanceof CoreError) throw error;
      throw new CoreError(describeAwsError(error, profile));
    }
  }
}
