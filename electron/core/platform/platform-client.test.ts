import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { platformErrorCodes } from '../../../shared/contract/platform';
import { installChainctlDouble, type ChainctlDouble } from '../../../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../../../test-support/fakes/platform/platform-stand-in';
import { ChainctlTokenSource } from './chainctl-token-source';
import { PlatformClient } from './platform-client';

const SECRET = 'stand-in-secret';
const ORG = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const FOLDER = `${ORG}/0123456789abcdef`;

let dir: string;
let chainctl: ChainctlDouble;
let standIn: PlatformStandIn;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  standIn = await startPlatformStandIn({ secret: SECRET });
});
afterAll(() => standIn.close());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-platform-'));
  chainctl = installChainctlDouble(join(dir, 'bin'), { secret: SECRET });
  env = {
    PATH: `${chainctl.dir}${delimiter}${process.env.PATH ?? ''}`,
    HOME: dir,
    CHAINGUARD_CONSOLE_API: standIn.url,
    AWS_SECRET_ACCESS_KEY: 'must-not-reach-chainctl',
    AWS_SESSION_TOKEN: 'must-not-reach-chainctl-either',
  };
  standIn.reset();
  standIn.addGroup({ id: ORG, name: 'acme.example', description: 'the organization' });
  standIn.addGroup({ id: FOLDER, name: 'prod', description: '' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function client(options: { timeoutMs?: number; requestTimeoutMs?: number } = {}) {
  const tokens = new ChainctlTokenSource({ env, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  return new PlatformClient({
    environment: 'enforce.dev',
    env,
    tokens,
    retryBaseMs: 5,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; remediation?: string };
  }
  throw new Error('expected a failure');
}

describe('PlatformClient against the stand-in', () => {
  it('lists groups with a token from `chainctl auth token --audience <api>`, run without cloud secrets', async () => {
    const groups = await client().listGroups();
    expect(groups).toEqual([
      expect.objectContaining({ id: ORG, name: 'acme.example', description: 'the organization' }),
      expect.objectContaining({ id: FOLDER, name: 'prod', description: '' }),
    ]);
    expect(chainctl.calls()).toEqual([['auth', 'token', '--audience', standIn.url]]);
    const names = chainctl.envNames()[0] ?? [];
    expect(names).toContain('PATH');
    expect(names.filter((n) => n.startsWith('AWS_') || n === 'CHAINGUARD_CONSOLE_API')).toEqual([]);
    expect(standIn.requests[0]?.subject).toBe(chainctl.state().subject);
  });

  it('keeps the token in memory across calls and fetches a new one before exp', async () => {
    const platform = client();
    await platform.listGroups();
    await platform.listGroups();
    expect(chainctl.calls()).toHaveLength(1);
    chainctl.set({ ttlSeconds: 30 }); // inside the refresh margin: never reused
    const short = client();
    await short.listGroups();
    await short.listGroups();
    expect(chainctl.calls()).toHaveLength(3);
  });

  it('creates a folder under a parent and filters by descendants', async () => {
    const platform = client();
    const created = await platform.createGroup(FOLDER, { name: 'team-a', description: 'Team A' });
    expect(created.id).toMatch(new RegExp(`^${FOLDER}/[0-9a-f]{16}$`));
    expect(standIn.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/iam/v1/groups/${FOLDER}`,
      body: { name: 'team-a', description: 'Team A' },
    });
    const below = await platform.listGroups({ descendantsOf: FOLDER });
    expect(below.map((g) => g.id)).toEqual([created.id]);
    expect(standIn.requests.at(-1)?.query).toEqual({ 'uidp.descendantsOf': FOLDER });
  });

  it('writes, reads, checks and deletes the association record on the exact paths', async () => {
    const platform = client();
    expect(await platform.readAssociation(FOLDER)).toBeUndefined();
    await platform.createAssociation({ group: FOLDER, amazon: { account: '123456789012' } });
    expect(standIn.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/iam/v1/account_associations/${FOLDER}`,
      body: { group: FOLDER, amazon: { account: '123456789012' } },
    });
    await platform.updateAssociation({
      group: FOLDER,
      amazon: { account: '123456789012' },
      google: { projectId: 'demo-project', projectNumber: '42' },
    });
    expect(standIn.requests.at(-1)?.method).toBe('PUT');
    expect(await platform.readAssociation(FOLDER)).toEqual({
      group: FOLDER,
      amazon: { account: '123456789012' },
      google: { projectId: 'demo-project', projectNumber: '42' },
    });
    expect(standIn.requests.at(-1)?.query).toEqual({ group: FOLDER });

    expect(await platform.check(FOLDER, 'AMAZON')).toEqual({ ready: 'Ready', reason: '', message: '' });
    expect(standIn.requests.at(-1)).toMatchObject({
      path: `/iam/v1/account_associations/${FOLDER}:check`,
      body: { group: FOLDER, accountType: 'AMAZON' },
    });
    standIn.setCheck(FOLDER, 'GOOGLE', { ready: 'NotReady', reason: 'ImpersonationFailed', message: 'denied: pool' });
    expect(await platform.check(FOLDER, 'GOOGLE')).toEqual({
      ready: 'NotReady',
      reason: 'ImpersonationFailed',
      message: 'denied: pool',
    });

    await platform.deleteAssociation(FOLDER);
    expect(standIn.records.has(FOLDER)).toBe(false);
  });
});

describe('PlatformClient faults', () => {
  it('chainctl missing names how to install it', async () => {
    env.PATH = join(dir, 'empty');
    const error = await failure(client().listGroups());
    expect(error.code).toBe(platformErrorCodes.chainctlMissing);
    expect(error.remediation).toMatch(/Install chainctl.*offline/);
  });

  it('signed out gives the exact login command', async () => {
    chainctl.set({ mode: 'signed-out' });
    const error = await failure(client().listGroups());
    expect(error.code).toBe(platformErrorCodes.signedOut);
    expect(error.remediation).toContain(`chainctl auth login --audience ${standIn.url}`);
  });

  it('remembers a failed sign-in for a while, so a check-all does not run chainctl for every check', async () => {
    chainctl.set({ mode: 'signed-out' });
    const platform = client();
    const errors = await Promise.all([failure(platform.listGroups()), failure(platform.listGroups())]);
    expect((await failure(platform.listGroups())).code).toBe(platformErrorCodes.signedOut);
    expect(errors.map((e) => e.code)).toEqual([platformErrorCodes.signedOut, platformErrorCodes.signedOut]);
    expect(chainctl.calls()).toHaveLength(1);
  });

  it('a failing or hanging chainctl is reported, not waited on', async () => {
    chainctl.set({ mode: 'failing' });
    expect((await failure(client().listGroups())).code).toBe(platformErrorCodes.chainctlFailed);
    chainctl.set({ mode: 'garbage' });
    expect((await failure(client().listGroups())).code).toBe(platformErrorCodes.chainctlFailed);
    chainctl.set({ mode: 'hanging' });
    const error = await failure(client({ timeoutMs: 1500 }).listGroups());
    expect(error.code).toBe(platformErrorCodes.chainctlTimeout);
  });

  it('a 401 fetches a fresh token once; a second 401 means Needs sign-in', async () => {
    const platform = client();
    await platform.listGroups();
    standIn.fault({ path: /^\/iam\/v1\/groups$/, status: 401 });
    await platform.listGroups();
    expect(chainctl.calls()).toHaveLength(2);
    standIn.fault({ path: /^\/iam\/v1\/groups$/, status: 401, times: 2 });
    const error = await failure(platform.listGroups());
    expect(error.code).toBe(platformErrorCodes.unauthenticated);
    expect(error.message).toMatch(/^Needs sign-in/);
  });

  it('a token the platform does not accept is a 401 too', async () => {
    chainctl.set({ secret: 'another-secret' });
    expect((await failure(client().listGroups())).code).toBe(platformErrorCodes.unauthenticated);
  });

  it('403 names the missing capability', async () => {
    standIn.denied.add('account_associations.create');
    const error = await failure(client().createAssociation({ group: FOLDER, amazon: { account: '123456789012' } }));
    expect(error.code).toBe(platformErrorCodes.forbidden);
    expect(error.message).toContain('account_associations.create');
    expect(standIn.records.has(FOLDER)).toBe(false);
  });

  it('404 and 409 say what to do', async () => {
    const platform = client();
    const missing = await failure(platform.createGroup(`${ORG}/ffffffffffffffff`, { name: 'x', description: '' }));
    expect(missing.code).toBe(platformErrorCodes.notFound);
    await platform.createAssociation({ group: FOLDER, amazon: { account: '1' } });
    const conflict = await failure(platform.createAssociation({ group: FOLDER, amazon: { account: '2' } }));
    expect(conflict.code).toBe(platformErrorCodes.conflict);
    expect(standIn.records.get(FOLDER)?.amazon).toEqual({ account: '1' });
  });

  it('429 and 5xx are retried with backoff, then reported', async () => {
    const platform = client();
    standIn.fault({ path: /groups/, status: 429 });
    standIn.fault({ path: /groups/, status: 503 });
    const before = standIn.requests.length;
    expect(await platform.listGroups()).toHaveLength(2);
    expect(standIn.requests.length - before).toBe(3);
    standIn.fault({ path: /groups/, status: 500, times: 10 });
    const error = await failure(platform.listGroups());
    expect(error.code).toBe(platformErrorCodes.unavailable);
    expect(error.message).toContain('500');
  });

  it('malformed JSON and a wrong shape are bad responses', async () => {
    const platform = client();
    standIn.fault({ path: /groups/, body: '{"items": [' });
    expect((await failure(platform.listGroups())).code).toBe(platformErrorCodes.badResponse);
    standIn.fault({ path: /groups/, body: '{"items": [{"name": 3}]}' });
    expect((await failure(platform.listGroups())).code).toBe(platformErrorCodes.badResponse);
  });

  it('a dropped connection, a hung platform and a closed port are unreachable', async () => {
    standIn.fault({ path: /groups/, drop: true });
    expect((await failure(client().listGroups())).code).toBe(platformErrorCodes.unreachable);
    standIn.fault({ path: /groups/, delayMs: 3000 });
    const hung = await failure(client({ requestTimeoutMs: 300 }).listGroups());
    expect(hung.code).toBe(platformErrorCodes.unreachable);
    expect(hung.message).toMatch(/did not answer/);
    const closed = await startPlatformStandIn({ secret: SECRET });
    env.CHAINGUARD_CONSOLE_API = closed.url;
    await closed.close();
    expect((await failure(client().listGroups())).code).toBe(platformErrorCodes.unreachable);
  });

  it('never puts the token in an error message', async () => {
    standIn.fault({ path: /groups/, status: 400, body: '{"code":3,"message":"bad"}' });
    const error = await failure(client().listGroups());
    expect(error.code).toBe(platformErrorCodes.badRequest);
    expect(JSON.stringify(error)).not.toMatch(/eyJ/);
  });
});
