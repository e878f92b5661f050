import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Association, AssociationValues } from '../../../shared/contract/associations';
import { installAwsFixtureHome } from '../../../test-support/fakes/aws/aws-fixture-home';
import {
  createMotoUser,
  findMotoServer,
  MOTO_MISSING_REASON,
  startMoto,
  type MotoServer,
} from '../../../test-support/fakes/aws/moto';
import { USERS } from '../../../test-support/fakes/gcp/gcloud-fixture';
import { AssociationRepository } from '../associations/association-repository';
import { AwsMfaPrompts } from '../aws/aws-mfa-prompts';
import { AwsProfileCatalog } from '../aws/aws-profile-catalog';
import { AwsSessionCredentials } from '../aws/aws-session-credentials';
import { installCredentialProcessRunner } from '../aws/credential-process-runner';
import { CoreError } from '../core-error';
import { EventBus } from '../event-bus';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';
import { openStore, type Store } from '../store/database';
import {
  AssociationCredentialSource,
  type AwsKeysResolver,
  type GcpTokenResolver,
} from './association-credential-source';
import { terraformErrorCodes } from './run-failure';
import { REDACTED } from './secret-redactor';
import { findTerraformForTests } from './terraform-binary';
import { createHarness, type Harness } from '../../../test-support/core/terraform-test-harness';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED AWS credential source tests: ${MOTO_MISSING_REASON}`);
const terraform = findTerraformForTests();

const AWS_KEY = 'aws-123456789012';
const GROUP = '3f2a9c1be0d4475a8e6b1f0c2d3e4a5b6c7d8e9f';
const OTHER_GROUP = '07b4d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8';
const unused: AwsKeysResolver & GcpTokenResolver = {
  resolve: () => Promise.reject(new Error('AWS not expected')),
  accessToken: () => Promise.reject(new Error('GCP not expected')),
};

let root: string;
let store: Store;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'liaison-tf-credentials-'));
  store = openStore(join(root, 'liaison.db'));
});
afterEach(() => {
  store.close();
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

function associate(target: Store, workspaceKey: string, values: AssociationValues, updatedAt: string): void {
  const association: Association = {
    id: crypto.randomUUID(),
    status: 'generated',
    step: 3,
    values,
    workspaceKey,
    createdAt: updatedAt,
    updatedAt,
    generatedAt: updatedAt,
  };
  new AssociationRepository(target).upsert(association);
}

function awsValues(profile: string, groupId = GROUP): AssociationValues {
  return {
    cloud: 'aws',
    groupId,
    accountId: '123456789012',
    profile,
    moduleVersion: '0.1.0',
    environment: 'enforce.dev',
  };
}

async function errorOf(promise: Promise<unknown>): Promise<CoreError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof CoreError)) throw new Error(`expected a CoreError, got ${String(error)}`);
  return error;
}

describe('a workspace without a saved association', () => {
  it('refuses to guess credentials', async () => {
    const source = new AssociationCredentialSource(store, unused, unused);
    const error = await errorOf(source.credentialsFor(AWS_KEY, { interactive: true }));
    expect(error.code).toBe(terraformErrorCodes.credentials);
    expect(error.message).toContain(AWS_KEY);
  });
});

describe('a workspace whose last association was removed', () => {
  it('keeps the credentials it last ran with, so a destroy run can still run', async () => {
    const profiles: string[] = [];
    const aws: AwsKeysResolver = {
      resolve: (profile) => {
        profiles.push(profile);
        return Promise.resolve({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example', region: 'eu-west-1' });
      },
    };
    const source = new AssociationCredentialSource(store, aws, unused);
    associate(store, AWS_KEY, awsValues('static-admin'), '2026-02-01T00:00:00.000Z');
    await source.credentialsFor(AWS_KEY, { interactive: true });
    const repository = new AssociationRepository(store);
    for (const association of repository.listGenerated(AWS_KEY)) repository.delete(association.id);

    expect(await source.credentialsFor(AWS_KEY, { interactive: true })).toMatchObject({ kind: 'aws' });
    expect(profiles).toEqual(['static-admin', 'static-admin']);
    // Only the choice is kept, never a key.
    const stored = JSON.stringify(store.db.prepare('SELECT * FROM terraform_settings').all());
    expect(stored).toContain('static-admin');
    expect(stored).not.toContain('AKIDEXAMPLE');
    // Another workspace has no such memory.
    const other = await errorOf(source.credentialsFor('aws-210987654321', { interactive: true }));
    expect(other.code).toBe(terraformErrorCodes.credentials);
  });
});

describe.skipIf(!motoBinary)('AWS profiles resolved for terraform (moto)', () => {
  let moto: MotoServer;
  let keys: { accessKeyId: string; secretAccessKey: string };
  let events: EventBus;
  let prompts: string[];
  let aws: AwsSessionCredentials;
  let mfa: AwsMfaPrompts;

  beforeAll(async () => {
    installCredentialProcessRunner();
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  beforeEach(async () => {
    keys = await createMotoUser(moto.url, `tf-user-${crypto.randomUUID().slice(0, 8)}`);
    const fixture = installAwsFixtureHome(join(root, 'home'), { staticKeys: keys });
    vi.stubEnv('HOME', fixture.home);
    vi.stubEnv('AWS_ENDPOINT_URL', moto.url);
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_CONFIG_FILE', '');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '');
    events = new EventBus();
    prompts = [];
    events.subscribe((name, payload) => {
      if (name === 'awsMfaRequested') prompts.push((payload as { requestId: string }).requestId);
    });
    mfa = new AwsMfaPrompts(events);
    aws = new AwsSessionCredentials({ catalog: new AwsProfileCatalog({ events }), mfa });
  });

  it("uses the most recently saved association's profile, with the profile's region", async () => {
    associate(store, AWS_KEY, awsValues('chain-hop2', OTHER_GROUP), '2026-01-01T00:00:00.000Z');
    associate(store, AWS_KEY, awsValues('static-admin'), '2026-02-01T00:00:00.000Z');
    const source = new AssociationCredentialSource(store, aws, unused);
    expect(await source.credentialsFor(AWS_KEY, { interactive: false })).toEqual({
      kind: 'aws',
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      region: 'eu-west-1',
    });
  });

  it('follows a role chain to session credentials', async () => {
    associate(store, AWS_KEY, awsValues('chain-hop2'), '2026-02-01T00:00:00.000Z');
    const credentials = await new AssociationCredentialSource(store, aws, unused).credentialsFor(AWS_KEY, {
      interactive: false,
    });
    expect(credentials).toMatchObject({ kind: 'aws', region: 'eu-central-1' });
    expect(credentials.kind === 'aws' && credentials.sessionToken).toBeTruthy();
    expect(credentials.kind === 'aws' && credentials.accessKeyId).not.toBe(keys.accessKeyId);
  });

  it('asks for an MFA code only in an operator-started run, and once for a plan and its apply', async () => {
    associate(store, AWS_KEY, awsValues('mfa-role'), '2026-02-01T00:00:00.000Z');
    const source = new AssociationCredentialSource(store, aws, unused);
    await errorOf(source.credentialsFor(AWS_KEY, { interactive: false }));
    expect(prompts).toEqual([]);

    const pending = source.credentialsFor(AWS_KEY, { interactive: true });
    await vi.waitFor(() => expect(prompts).toHaveLength(1));
    expect(mfa.answer(prompts[0] ?? '', '123456')).toBe(true);
    const first = await pending;
    expect(first.kind === 'aws' && first.sessionToken).toBeTruthy();
    expect(await source.credentialsFor(AWS_KEY, { interactive: true })).toEqual(first);
    expect(prompts).toHaveLength(1);
  });

  it.skipIf(!terraform.found)('hands the keys to terraform without writing them anywhere', async () => {
    let harness: Harness | undefined;
    try {
      harness = createHarness('env-echo', {
        source: (harnessStore) => {
          associate(harnessStore, AWS_KEY, awsValues('chain-hop1'), '2026-02-01T00:00:00.000Z');
          return new AssociationCredentialSource(harnessStore, aws, unused);
        },
      });
      const plan = await harness.service.waitFor(
        (await harness.service.startTerraformPlan({ workspaceKey: AWS_KEY, destroy: false })).id,
      );
      expect(plan.status).toBe('succeeded');
      const reviewed = harness.service.getTerraformRun({ runId: plan.id }).plan?.counts;
      const apply = await harness.service.waitFor(
        (await harness.service.applyTerraformPlan({ planRunId: plan.id, reviewed: reviewed! })).id,
      );
      expect(apply.status).toBe('succeeded');
      const printed = harness.service
        .getTerraformRunLog({ runId: apply.id, afterSeq: -1, limit: 5000 })
        .entries.flatMap((entry) => (entry.event.type === 'provision_progress' ? [entry.event.hook.output ?? ''] : []));
      expect(printed).toContain(`AWS_SESSION_TOKEN=${REDACTED}`);
      expect(printed).toContain(`AWS_SECRET_ACCESS_KEY=${REDACTED}`);
      expect(printed).toContain('AWS_REGION=us-east-1');

      const session = await aws.resolve('chain-hop1', { interactive: false });
      const atRest = [
        ...filesUnder(harness.root).map((file) => readFileSync(file, 'latin1')),
        harness.logs.join(''),
        JSON.stringify([...harness.streamed.values()]),
      ].join('\n');
      for (const secret of [session.secretAccessKey, session.sessionToken ?? '', keys.secretAccessKey]) {
        expect(secret.length).toBeGreaterThan(8);
        expect(atRest).not.toContain(secret);
      }
    } finally {
      harness?.dispose();
    }
  });
});

describe('GCP credentials resolved for terraform (Google fake)', () => {
  let bed: GcpTestBed;
  beforeAll(async () => {
    bed = await createGcpTestBed();
  });
  afterAll(async () => bed?.dispose());

  it.each([
    [{ kind: 'adc' as const }, USERS.alice],
    [{ kind: 'configuration' as const, name: 'default' }, USERS.alice],
  ])('gives an access token for %j that Google issued to %s', async (credential, principal) => {
    associate(
      store,
      'gcp-acme-prod',
      { cloud: 'gcp', groupId: GROUP, projectId: 'acme-prod', projectNumber: '123456789012', credential },
      '2026-02-01T00:00:00.000Z',
    );
    const source = new AssociationCredentialSource(store, unused, bed.service());
    const credentials = await source.credentialsFor('gcp-acme-prod', { interactive: true });
    expect(credentials.kind).toBe('gcp');
    const token = credentials.kind === 'gcp' ? credentials.accessToken : '';
    expect(bed.fake.state.accessTokens.get(token)?.principal).toBe(principal);
    expect(bed.logs.join('')).not.toContain(token);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
