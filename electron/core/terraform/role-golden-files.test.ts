import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRoleRecipe } from '../../../shared/terraform/role-recipe-files';
import {
  describeGoldenFiles,
  filesOf,
  fmtCheckSampled,
  runTerraform,
} from '../../../test-support/terraform-files/golden-files';
import { allRoleGoldenCases as roleGoldenCases } from '../../../test-support/terraform-files/role-golden-cases';
import { findTerraformForTests } from './terraform-binary';

/*
 * The role recipes' golden files, as golden-files.test.ts does for the platform workspaces: the bytes
 * are pinned, and the real `terraform fmt -check` proves they are what fmt would write.
 * Regenerate after an intended change with: UPDATE_GOLDEN=1 npx vitest run electron/core/terraform/role-golden
 */

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED terraform checks: ${terraform.reason}`);

const scratch = mkdtempSync(join(tmpdir(), 'liaison-role-tf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GOLDEN_DIR = new URL('../../../shared/terraform/__golden_roles__/', import.meta.url).pathname;
const generated = (input: unknown) => filesOf(generateRoleRecipe(input));

describeGoldenFiles('role golden files', { dir: GOLDEN_DIR, cases: roleGoldenCases, generate: generated });

describe.skipIf(!terraform.found)('role workspaces with the real terraform binary', () => {
  it.each(Object.keys(roleGoldenCases))('terraform fmt -check accepts golden %s unchanged', (name) => {
    const result = runTerraform(['fmt', '-check', '-recursive', '-diff', '-no-color'], join(GOLDEN_DIR, name));
    expect(result.stdout + result.stderr).not.toMatch(/^[-+][^-+]/m);
    expect(result.status).toBe(0);
  });

  it('terraform fmt -check accepts sampled roles with hostile External IDs and policies', () => {
    const role = fc.record({
      kind: fc.constant('third-party-role'),
      accountId: fc.constant('123456789012'),
      profile: fc.constant('p'),
      vendorAccountId: fc.stringMatching(/^\d{12}$/).filter((id) => id !== '123456789012'),
      externalId: fc.stringMatching(/^[\w+=,.@:/-]{2,80}$/),
      roleName: fc.stringMatching(/^[\w+=,.@-]{1,64}$/),
      managedPolicyArns: fc.uniqueArray(
        fc.constantFrom('arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/SecurityAudit'),
        { minLength: 1 },
      ),
      policyDocument: fc
        .array(
          fc
            .string({ unit: 'binary', maxLength: 40 })
            .filter((text) => !/\p{Cs}/u.test(text) && text.normalize('NFC') === text),
          { maxLength: 3 },
        )
        .map((values) =>
          JSON.stringify({
            Version: '2012-10-17',
            Statement: {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::b/*',
              Condition: { StringLike: { 's3:prefix': values.length ? values : ['x'] } },
            },
          }),
        ),
      maxSessionSeconds: fc.integer({ min: 3600, max: 43200 }),
    });
    const result = fmtCheckSampled(join(scratch, 'sampled'), fc.sample(role, { numRuns: 30, seed: 18 }), generated);
    expect(result.stdout, 'files fmt would change').toBe('');
    expect(result.status).toBe(0);
  });

  it('terraform fmt -check accepts sampled EKS service-account roles with odd issuers and names', () => {
    const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
    const role = fc.record({
      kind: fc.constant('eks-service-account-role'),
      accountId: fc.constant('123456789012'),
      profile: fc.constant('p'),
      region: fc.constantFrom('us-east-1', 'eu-central-2', 'us-gov-west-1'),
      issuerUrl: fc
        .tuple(
          fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9-]{0,10}[a-z0-9])*\.[a-z]{2,6}$/),
          fc.stringMatching(/^(\/[\w~-][\w.~-]{0,19}){0,3}\/*$/),
        )
        .map(([host, path]) => `https://${host}${path}`),
      oidcProviderExists: fc.boolean(),
      namespace: label,
      serviceAccount: fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.')),
      roleName: fc.stringMatching(/^[\w+=,.@-]{1,64}$/),
      managedPolicyArns: fc.constant(['arn:aws:iam::aws:policy/ReadOnlyAccess']),
      maxSessionSeconds: fc.integer({ min: 3600, max: 43200 }),
    });
    const result = fmtCheckSampled(join(scratch, 'sampled-eks'), fc.sample(role, { numRuns: 30, seed: 4 }), generated);
    expect(result.stdout, 'files fmt would change').toBe('');
    expect(result.status).toBe(0);
  });
});
