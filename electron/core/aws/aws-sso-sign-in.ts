import { randomUUID } from 'node:crypto';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { errorCodes, type ApiError } from '../../../shared/errors';
import { awsErrorCodes, type AwsSsoSignIn } from '../../../shared/contract/aws';
import { CoreError } from '../core-error';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { HostPlatform } from '../platform';
import type { AwsProfileCatalog } from './aws-profile-catalog';
import { redactSecrets } from './redact-secrets';
import { cliTimestamp, writeSsoToken } from './sso-token-cache';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const DEFAULT_SCOPES = ['sso:account:access'];

interface ActiveSignIn {
  view: AwsSsoSignIn;
  cacheKey: string;
  timer: NodeJS.Timeout | undefined;
  client: SSOOIDCClient;
  settled: boolean;
  /** The host the device authorization was asked of: AWS's, or the endpoint the operator configured. */
  oidcHost: string | undefined;
}

export interface AwsSsoSignInsOptions {
  catalog: AwsProfileCatalog;
  events: EventBus;
  platform: HostPlatform;
  logger?: Logger;
  /** Called once a token is in the cache (so cached failures can be forgotten). */
  onSignedIn?: () => void;
  requestTimeoutMs?: number;
}

/**
 * `aws sso login`, in the app: the SSO OIDC device authorization flow (register a public client,
 * start the device authorization, show the code, poll at the interval the service gives until it
 * expires), then the token cache written where and how the CLI writes it.
 */
export class AwsSsoSignIns {
  readonly #options: AwsSsoSignInsOptions;
  readonly #active = new Map<string, ActiveSignIn>();

  constructor(options: AwsSsoSignInsOptions) {
    this.#options = options;
  }

  async start(profileName: string): Promise<AwsSsoSignIn> {
    const target = await this.#target(profileName);
    for (const active of this.#active.values()) {
      if (active.cacheKey === target.cacheKey && !active.settled) return active.view;
    }
    const client = new SSOOIDCClient({
      region: target.region,
      requestHandler: {
        requestTimeout: this.#options.requestTimeoutMs ?? 15_000,
        connectionTimeout: 5_000,
        throwOnRequestTimeout: true,
      },
    });
    // Which host the SDK really sent the requests to (AWS's, or an endpoint override the operator set).
    let oidcHost: string | undefined;
    client.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as { hostname?: string; port?: number } | undefined;
        if (request?.hostname) oidcHost = request.port ? `${request.hostname}:${request.port}` : request.hostname;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'liaisonRecordOidcHost' },
    );
    try {
      const registration = await client.send(
        new RegisterClientCommand({
          clientName: `liaison-${process.pid}`,
          clientType: 'public',
          ...(target.scopes ? { scopes: target.scopes } : {}),
        }),
      );
      const clientId = required(registration.clientId, 'clientId');
      const clientSecret = required(registration.clientSecret, 'clientSecret');
      const device = await client.send(
        new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: target.startUrl }),
      );
      const expiresAt = new Date(Date.now() + (device.expiresIn ?? 600) * 1000);
      const view: AwsSsoSignIn = {
        signInId: randomUUID(),
        profile: profileName,
        ...(target.session ? { ssoSession: target.session } : {}),
        startUrl: target.startUrl,
        userCode: required(device.userCode, 'userCode'),
        verificationUri: required(device.verificationUri, 'verificationUri'),
        ...(device.verificationUriComplete ? { verificationUriComplete: device.verificationUriComplete } : {}),
        expiresAt: expiresAt.toISOString(),
      };
      const active: ActiveSignIn = {
        view,
        cacheKey: target.cacheKey,
        timer: undefined,
        client,
        settled: false,
        oidcHost,
      };
      this.#active.set(view.signInId, active);
      this.#options.events.emit('awsSsoSignInStarted', view);
      const poll = {
        deviceCode: required(device.deviceCode, 'deviceCode'),
        clientId,
        clientSecret,
        registrationExpiresAt: registration.clientSecretExpiresAt
          ? new Date(registration.clientSecretExpiresAt * 1000)
          : undefined,
        intervalMs: Math.max(1, device.interval ?? 5) * 1000,
        expiresAt,
        region: target.region,
      };
      this.#schedule(active, poll);
      return view;
    } catch (error) {
      client.destroy();
      if (error instanceof CoreError) throw error;
      throw new CoreError(
        {
          code: awsErrorCodes.ssoSignInFailed,
          message: `Could not start the SSO sign-in for "${profileName}": ${describe(error)}`,
          remediation: `Check the start URL and region of ${target.session ? `[sso-session ${target.session}]` : `[profile ${profileName}]`}, and your network.`,
        },
        { cause: error },
      );
    }
  }

  cancel(signInId: string): boolean {
    const active = this.#active.get(signInId);
    if (!active || active.settled) return false;
    this.#settle(active, 'cancelled');
    return true;
  }

  cancelAll(): void {
    for (const signInId of [...this.#active.keys()]) this.cancel(signInId);
  }

  /** Opens the page the SSO service itself named for this sign-in; the renderer never supplies a URL. */
  async openVerificationPage(
    signInId: string,
  ): Promise<
    { action: 'opened' } | { action: 'navigate'; url: string } | { action: 'show'; url: string; reason: string }
  > {
    const active = this.#active.get(signInId);
    if (!active || active.settled) {
      throw new CoreError({
        code: errorCodes.notFound,
        message: 'That sign-in has ended',
        remediation: 'Start Sign in again.',
      });
    }
    const url = active.view.verificationUriComplete ?? active.view.verificationUri;
    const parsed = new URL(url);
    const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]';
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
      throw new CoreError({
        code: errorCodes.forbidden,
        message: `The SSO service gave a verification page that is not https (${parsed.origin})`,
        remediation: 'Check the sso_start_url and sso_region of the session.',
      });
    }
    if (!isAwsOwnedHost(parsed) && parsed.host !== active.oidcHost) {
      // Not AWS's page, nor the endpoint the operator configured: Liaison does not open it, it shows it.
      return {
        action: 'show',
        url: parsed.toString(),
        reason: `${parsed.hostname} is not an AWS sign-in host, so Liaison did not open it. Open it yourself only if you trust it.`,
      };
    }
    const action = await this.#options.platform.openExternal(parsed.toString());
    return action === 'opened' ? { action } : { action, url: parsed.toString() };
  }

  async #target(
    profileName: string,
  ): Promise<{ session?: string; startUrl: string; region: string; scopes?: string[]; cacheKey: string }> {
    const profile = await this.#options.catalog.profile(profileName);
    if (!profile) {
      throw new CoreError({
        code: awsErrorCodes.profileNotFound,
        message: `There is no AWS profile named "${profileName}"`,
      });
    }
    if (profile.leafKind !== 'sso' && profile.leafKind !== 'sso-legacy') {
      throw new CoreError({
        code: awsErrorCodes.notSso,
        message: `"${profileName}" does not use SSO, so there is nothing to sign in to`,
      });
    }
    if (!profile.ssoStartUrl || !profile.ssoRegion) {
      throw new CoreError({
        code: awsErrorCodes.profileInvalid,
        message: `"${profileName}" has no SSO start URL or region`,
        ...(profile.warnings[0]?.remediation ? { remediation: profile.warnings[0].remediation } : {}),
      });
    }
    if (profile.leafKind === 'sso-legacy' || !profile.ssoSession) {
      return { startUrl: profile.ssoStartUrl, region: profile.ssoRegion, cacheKey: profile.ssoStartUrl };
    }
    const scopes = (await this.#options.catalog.ssoSessionSetting(profile.ssoSession, 'sso_registration_scopes'))
      ?.split(',')
      .map((scope) => scope.trim())
      .filter(Boolean);
    return {
      session: profile.ssoSession,
      startUrl: profile.ssoStartUrl,
      region: profile.ssoRegion,
      scopes: scopes && scopes.length > 0 ? scopes : DEFAULT_SCOPES,
      cacheKey: profile.ssoSession,
    };
  }

  #schedule(
    active: ActiveSignIn,
    poll: {
      deviceCode: string;
      clientId: string;
      clientSecret: string;
      registrationExpiresAt: Date | undefined;
      intervalMs: number;
      expiresAt: Date;
      region: string;
    },
  ): void {
    if (active.settled) return;
    if (Date.now() >= poll.expiresAt.getTime()) {
      this.#settle(active, 'expired', {
        code: awsErrorCodes.ssoSignInFailed,
        message: 'The sign-in code expired before it was approved',
        remediation: 'Start Sign in again and approve the code in your browser.',
      });
      return;
    }
    active.timer = setTimeout(() => {
      void this.#pollOnce(active, poll).then((next) => {
        if (next === 'again') this.#schedule(active, poll);
        else if (next === 'slower') this.#schedule(active, { ...poll, intervalMs: poll.intervalMs + 5_000 });
      });
    }, poll.intervalMs);
  }

  async #pollOnce(
    active: ActiveSignIn,
    poll: {
      deviceCode: string;
      clientId: string;
      clientSecret: string;
      registrationExpiresAt: Date | undefined;
      region: string;
    },
  ): Promise<'again' | 'slower' | 'done'> {
    if (active.settled) return 'done';
    try {
      const token = await active.client.send(
        new CreateTokenCommand({
          grantType: DEVICE_GRANT,
          deviceCode: poll.deviceCode,
          clientId: poll.clientId,
          clientSecret: poll.clientSecret,
        }),
      );
      if (active.settled) return 'done';
      const accessToken = required(token.accessToken, 'accessToken');
      const path = writeSsoToken(this.#options.catalog.paths.ssoCacheDir, active.cacheKey, {
        startUrl: active.view.startUrl,
        region: poll.region,
        accessToken,
        expiresAt: cliTimestamp(new Date(Date.now() + (token.expiresIn ?? 3600) * 1000)),
        clientId: poll.clientId,
        clientSecret: poll.clientSecret,
        ...(poll.registrationExpiresAt ? { registrationExpiresAt: cliTimestamp(poll.registrationExpiresAt) } : {}),
        ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
      });
      this.#options.logger?.info({ profile: active.view.profile, path }, 'SSO sign-in completed; token cached');
      this.#options.onSignedIn?.();
      this.#settle(active, 'completed');
      return 'done';
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'AuthorizationPendingException') return 'again';
      if (name === 'SlowDownException') return 'slower';
      if (name === 'ExpiredTokenException') {
        this.#settle(active, 'expired', {
          code: awsErrorCodes.ssoSignInFailed,
          message: 'The sign-in code expired before it was approved',
          remediation: 'Start Sign in again and approve the code in your browser.',
        });
        return 'done';
      }
      this.#settle(active, 'failed', {
        code: awsErrorCodes.ssoSignInFailed,
        message:
          name === 'AccessDeniedException'
            ? 'The sign-in was denied in the browser'
            : `The SSO sign-in failed: ${describe(error)}`,
        remediation: 'Start Sign in again.',
      });
      return 'done';
    }
  }

  #settle(active: ActiveSignIn, status: 'completed' | 'failed' | 'expired' | 'cancelled', error?: ApiError): void {
    if (active.settled) return;
    active.settled = true;
    clearTimeout(active.timer);
    active.client.destroy();
    this.#active.delete(active.view.signInId);
    this.#options.events.emit('awsSsoSignInSettled', {
      signInId: active.view.signInId,
      profile: active.view.profile,
      status,
      ...(error ? { error } : {}),
    });
  }
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === null || value === '') {
    throw new Error(`the SSO service's answer has no ${field}`);
  }
  return value;
}

function describe(error: unknown): string {
  const shape = error as { name?: string; message?: string };
  return redactSecrets(
    `${shape.name && shape.name !== 'Error' ? `${shape.name}: ` : ''}${shape.message ?? String(error)}`,
  );
}

/**
 * Hosts AWS serves IAM Identity Center sign-in from: the device page (`device.sso.<region>.amazonaws.com`),
 * the access portals (`<id>.awsapps.com`, `*.app.aws`, and the China partition's). Anything else is not opened.
 */
const AWS_SIGN_IN_DOMAINS = ['amazonaws.com', 'amazonaws.com.cn', 'awsapps.com', 'awsapps.cn', 'aws'];

export function isAwsOwnedHost(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    AWS_SIGN_IN_DOMAINS.some((domain) => url.hostname.endsWith(`.${domain}`))
  );
}
