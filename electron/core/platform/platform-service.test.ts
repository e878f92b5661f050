import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import { installChainctlDouble, type ChainctlDouble } from '../../../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../../../test-support/fakes/platform/platform-stand-in';
import { createTestCore, type TestCore } from '../../../test-support/core/test-core';

const SECRET = 'service-stand-in-secret';
const ORG = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const FOLDER = `${ORG}/0123456789abcdef`;

let standIn: PlatformStandIn;
let chainctl: ChainctlDouble;
let dir: string;
let bed: TestCore;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  standIn = await startPlatformStandIn({ secret: SECRET });
});
afterAll(() => standIn.close());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-platform-service-'));
  chainctl = installChainctlDouble(join(dir, 'bin'), { secret: SECRET });
  standIn.reset();
  standIn.addGroup({ id: ORG, name: 'acme.example', description: '' });
  standIn.addGroup({ id: FOLDER, name: 'prod', description: '' });
  env = {
    PATH: `${chainctl.dir}${delimiter}${process.env.PATH ?? ''}`,
    HOME: dir,
    CHAINGUARD_CONSOLE_API: standIn.url,
  };
  // Nothing here sets a program; one that tried would be declined. Debug logs: the token must not
  // appear even there.
  bed = createTestCore({ confirmProgram: () => Promise.resolve('declined') }, join(dir, 'data'), {
    env,
    logLevel: 'debug',
  });
});
afterEach(() => {
  bed.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function failure<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiError> {
  const result = await bed.callResult(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

async function awsAssociation(accountId: string): Promise<string> {
  await bed.call('createGroup', { mode: 'existing', id: FOLDER, name: 'prod' });
  const saved = await bed.call('saveAssociation', {
    cloud: 'aws',
    groupId: FOLDER,
    accountId,
    profile: 'dev',
    moduleVersion: '0.1.0',
    environment: 'enforce.dev',
  });
  return saved.association.id;
}

describe('the platform connection', () => {
  it('says who is signed in and never returns or logs the token', async () => {
    const connection = await bed.call('getPlatformConnection', { environment: 'enforce.dev' });
    expect(connection).toMatchObject({
      state: 'signed-in',
      apiUrl: standIn.url,
      apiUrlSource: 'env',
      identity: { subject: chainctl.state().subject, email: 'operator@example.com' },
      loginCommand: ['chainctl', 'auth', 'login', '--audience', standIn.url],
    });
    await bed.call('listPlatformGroups', { environment: 'enforce.dev' });
    expect(JSON.stringify(connection)).not.toMatch(/eyJ/);
    expect(bed.logs.join('')).not.toMatch(/eyJ/);
  });

  it('signed out, then signed in by running chainctl auth login', async () => {
    chainctl.set({ mode: 'signed-out' });
    expect((await bed.call('getPlatformConnection', { environment: 'enforce.dev' })).state).toBe('signed-out');
    const after = await bed.call('signInToPlatform', { environment: 'enforce.dev' });
    expect(after.state).toBe('signed-in');
    expect(chainctl.calls()).toContainEqual(['auth', 'login', '--audience', standIn.url]);
  });

  it('without chainctl it says so and how to install it', async () => {
    env.PATH = join(dir, 'nothing');
    const connection = await bed.call('getPlatformConnection', { environment: 'enforce.dev' });
    expect(connection.state).toBe('chainctl-missing');
    expect(connection.remediation).toMatch(/Install chainctl/);
  });
});

describe('registration', () => {
  it('creates the record, then says it is registered', async () => {
    const id = await awsAssociation('111111111111');
    expect(await bed.call('planPlatformRegistration', { associationId: id })).toMatchObject({ kind: 'create' });
    const done = await bed.call('registerPlatformAssociation', { associationId: id });
    expect(done.check).toEqual({ ready: 'Ready', reason: '', message: '' });
    expect(standIn.records.get(FOLDER)).toEqual({ group: FOLDER, amazon: { account: '111111111111' } });
    expect(await bed.call('planPlatformRegistration', { associationId: id })).toMatchObject({ kind: 'unchanged' });
  });

  it('replaces another account only after confirming that account, keeping the GCP half', async () => {
    const id = await awsAssociation('222222222222');
    standIn.records.set(FOLDER, { group: FOLDER, amazon: { account: '111111111111' }, google: { projectId: 'p' } });
    const plan = await bed.call('planPlatformRegistration', { associationId: id });
    expect(plan).toMatchObject({ kind: 'replace', replaces: '111111111111' });
    const refused = await failure('registerPlatformAssociation', { associationId: id });
    expect(refused).toMatchObject({ code: 'PLATFORM_REPLACE_NOT_CONFIRMED', field: 'confirmReplace' });
    const wrong = await failure('registerPlatformAssociation', { associationId: id, confirmReplace: '333333333333' });
    expect(wrong.code).toBe('PLATFORM_REPLACE_NOT_CONFIRMED');
    expect(standIn.records.get(FOLDER)?.amazon).toEqual({ account: '111111111111' });
    await bed.call('registerPlatformAssociation', { associationId: id, confirmReplace: '111111111111' });
    expect(standIn.records.get(FOLDER)).toEqual({
      group: FOLDER,
      amazon: { account: '222222222222' },
      google: { projectId: 'p' },
    });
  });

  it('unsets one half (keeping the other) or deletes the record when nothing else is left', async () => {
    const id = await awsAssociation('111111111111');
    standIn.records.set(FOLDER, { group: FOLDER, amazon: { account: '111111111111' }, google: { projectId: 'p' } });
    expect(await bed.call('unsetPlatformAssociation', { associationId: id })).toMatchObject({ outcome: 'updated' });
    expect(standIn.records.get(FOLDER)).toEqual({ group: FOLDER, google: { projectId: 'p' } });
    standIn.records.set(FOLDER, { group: FOLDER, amazon: { account: '111111111111' } });
    expect(await bed.call('unsetPlatformAssociation', { associationId: id })).toMatchObject({ outcome: 'deleted' });
    expect(standIn.records.has(FOLDER)).toBe(false);
    expect(await bed.call('unsetPlatformAssociation', { associationId: id })).toMatchObject({ outcome: 'nothing' });
  });

  it('a refused write names the capability and changes nothing', async () => {
    const id = await awsAssociation('111111111111');
    standIn.denied.add('account_associations.create');
    const error = await failure('registerPlatformAssociation', { associationId: id });
    expect(error.code).toBe('PLATFORM_FORBIDDEN');
    expect(error.message).toContain('account_associations.create');
    expect(standIn.records.has(FOLDER)).toBe(false);
  });
});

describe('folders', () => {
  it('creates a folder under a parent and lists it', async () => {
    const created = await bed.call('createPlatformFolder', {
      environment: 'enforce.dev',
      parentId: FOLDER,
      name: 'team-a',
      description: '',
    });
    expect(created.id).toMatch(new RegExp(`^${FOLDER}/[0-9a-f]{16}$`));
    const listed = await bed.call('listPlatformGroups', { environment: 'enforce.dev' });
    expect(listed.map((g) => g.name)).toEqual(['acme.example', 'prod', 'team-a']);
  });
});

describe('association records', () => {
  it('lists which account and project each group holds, for the fleet mapping', async () => {
    const other = `${ORG}/fedcba9876543210`;
    standIn.records.set(FOLDER, {
      group: FOLDER,
      amazon: { account: '123456789012' },
      google: { projectId: 'demo-project', projectNumber: '42' },
    });
    standIn.records.set(other, { group: other, google: { projectId: 'other-project' } });
    const held = await bed.call('listPlatformAssociations', { environment: 'enforce.dev' });
    expect(held).toEqual([
      { group: FOLDER, aws: '123456789012', gcp: 'demo-project' },
      { group: other, gcp: 'other-project' },
    ]);
    expect(standIn.requests.at(-1)).toMatchObject({ method: 'GET', path: '/iam/v1/account_associations', query: {} });
  });

  it('a refused listing names the capability', async () => {
    standIn.denied.add('account_associations.list');
    const error = await failure('listPlatformAssociations', { environment: 'enforce.dev' });
    expect(error.code).toBe('PLATFORM_FORBIDDEN');
    expect(error.message).toContain('account_associations.list');
  });
});
