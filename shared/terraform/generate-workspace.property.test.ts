import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AWS_ACCOUNT_ID_PATTERN, AWS_REGION_PATTERN } from '../aws-validation';
import { GCP_PROJECT_ID_PATTERN, GCP_PROJECT_NUMBER_PATTERN } from '../gcp-validation';
import { UIDP_PATTERN } from '../validation';
import { generateWorkspace } from './generate-workspace';
import { parseHcl } from '../../test-support/terraform-files/parse-hcl';

/*
 * Arbitrary strings at every field: generation must either refuse with an error naming that field,
 * or write a main.tf that parses back to exactly the value given.
 */

const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom('$', '%', '{', '}', '"', '\\', '\n', '#', '/', '.', '-', 'a', '1', ' ') }),
  fc.string({ unit: 'binary' }),
);

/** Valid values, hostile ones, and valid ones with something hostile spliced in. */
function fieldValues(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const spliced = fc
    .tuple(valid, hostile, fc.nat())
    .map(
      ([value, insert, at]) => value.slice(0, at % (value.length + 1)) + insert + value.slice(at % (value.length + 1)),
    );
  return fc.oneof(valid, hostile, spliced);
}

const uidp = fc.stringMatching(UIDP_PATTERN, { size: 'small' });
const accountId = fc.stringMatching(AWS_ACCOUNT_ID_PATTERN);
const region = fc.stringMatching(AWS_REGION_PATTERN, { size: 'xsmall' });
const projectId = fc.stringMatching(GCP_PROJECT_ID_PATTERN);
const projectNumber = fc.stringMatching(GCP_PROJECT_NUMBER_PATTERN);
const environment = fc.constantFrom('enforce.dev', 'staging.enforce.dev', 'a-1.example.com', 'x.y');

const awsBase = {
  cloud: 'aws',
  accountId: '123456789012',
  moduleVersion: '0.0.10',
  environment: 'enforce.dev',
  auditLogRegions: ['us-east-1'],
  groups: [{ id: 'a'.repeat(40), name: 'A' }],
};
const gcpBase = {
  cloud: 'gcp',
  projectId: 'acme-prod',
  projectNumber: '123456789012',
  moduleVersion: '0.0.12',
  environment: 'enforce.dev',
  groups: [{ id: 'a'.repeat(40), name: 'A' }],
};

type Parsed = {
  provider: Record<string, Record<string, unknown>[]>;
  module: Record<string, Record<string, unknown>[]>;
};

/** Both outcomes must occur in every property, or it proved nothing. */
const tally = { written: 0, refused: 0 };

async function mainTfOf(spec: unknown, field: string): Promise<Parsed | undefined> {
  const result = generateWorkspace(spec);
  tally[result.ok ? 'written' : 'refused'] += 1;
  if (!result.ok) {
    expect(result.error.field?.startsWith(field), `${result.error.field ?? ''} for ${field}`).toBe(true);
    return undefined;
  }
  const main = result.files.find((file) => file.path === 'main.tf')!;
  return (await parseHcl(main.content)) as Parsed;
}

const RUNS = { numRuns: 150 };

describe('generation with arbitrary field values refuses or round-trips exactly', () => {
  beforeEach(() => {
    tally.written = 0;
    tally.refused = 0;
  });
  afterEach(() => {
    expect(tally.written).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(10);
  });

  it('AWS account id', async () => {
    await fc.assert(
      fc.asyncProperty(fieldValues(accountId), async (value) => {
        const parsed = await mainTfOf(
          { ...awsBase, moduleVersion: '0.1.0', auditLogRegions: [], accountId: value },
          'accountId',
        );
        if (!parsed) return;
        expect(parsed.module['aws-impersonation']![0]!.account).toBe(value);
        expect(parsed.provider.aws![0]!.allowed_account_ids).toEqual([value]);
      }),
      RUNS,
    );
  });

  it('AWS audit-log regions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fieldValues(region), { maxLength: 3 }), async (values) => {
        const parsed = await mainTfOf({ ...awsBase, auditLogRegions: values }, 'auditLogRegions');
        if (!parsed) return;
        const regional = parsed.provider.aws!.slice(1).map((provider) => provider.region);
        expect(regional).toEqual([...values].sort());
        for (const value of values) expect(parsed.module[`aws-auditlogs-${value}`]).toHaveLength(1);
      }),
      RUNS,
    );
  });

  it('environment', async () => {
    await fc.assert(
      fc.asyncProperty(fieldValues(environment), async (value) => {
        const parsed = await mainTfOf({ ...awsBase, environment: value }, 'environment');
        if (!parsed) return;
        expect(parsed.module['aws-impersonation']![0]!.enforce_domain_name).toBe(value);
      }),
      RUNS,
    );
  });

  it('group ids and names', async () => {
    const group = fc.record({ id: fieldValues(uidp), name: hostile });
    await fc.assert(
      fc.asyncProperty(fc.array(group, { minLength: 1, maxLength: 3 }), async (groups) => {
        const parsed = await mainTfOf({ ...gcpBase, groups }, 'groups');
        if (!parsed) return;
        const ids = groups.map((each) => each.id).sort();
        expect(parsed.module['gcp-impersonation']![0]!.group_ids).toEqual(ids);
      }),
      RUNS,
    );
  });

  it('GCP project id and number', async () => {
    await fc.assert(
      fc.asyncProperty(fieldValues(projectId), fieldValues(projectNumber), async (id, number) => {
        const result = generateWorkspace({ ...gcpBase, moduleVersion: '0.0.11', projectId: id, projectNumber: number });
        tally[result.ok ? 'written' : 'refused'] += 1;
        if (!result.ok) {
          expect(['projectId', 'projectNumber']).toContain(result.error.field);
          return;
        }
        const parsed = (await parseHcl(result.files[0]!.content)) as Parsed;
        expect(parsed.module['gcp-impersonation']![0]!.google_project_id).toBe(id);
        expect(parsed.provider.google).toEqual([{ project: id }]);
        expect(parsed.provider['google-beta']).toEqual([{ project: id }]);
        expect(result.files[2]!.content).toContain(`--project-number ${number}`);
      }),
      RUNS,
    );
  });

  it('module version', async () => {
    await fc.assert(
      fc.asyncProperty(fieldValues(fc.constantFrom('0.1.0', '0.0.10', '0.0.11', '0.0.12')), async (value) => {
        const parsed = await mainTfOf({ ...awsBase, auditLogRegions: [], moduleVersion: value }, 'moduleVersion');
        if (!parsed) return;
        expect(parsed.module['aws-impersonation']![0]!.version).toBe(value);
      }),
      RUNS,
    );
  });
});
