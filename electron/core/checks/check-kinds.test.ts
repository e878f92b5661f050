import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { associationInputSchema } from '../../../shared/contract/associations';
import { ROLE_RECIPE_KINDS } from '../../../shared/contract/role-recipe-values';
import { CHECK_KINDS, checkKindFor } from './check-kinds';

const CORE = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/\.(test|spec|bench)\.ts$/.test(file))
    .map((file) => join(dir, file));
}

describe('check kinds', () => {
  it('every association kind in the contract has its check record, under its own name', () => {
    // A platform association's record is keyed by its target kind (its cloud), a role recipe's by its kind.
    const contractClouds = associationInputSchema.options.map((option) => option.shape.cloud.value);
    expect(Object.keys(CHECK_KINDS).sort()).toEqual([...contractClouds, ...ROLE_RECIPE_KINDS].sort());
    for (const cloud of contractClouds) expect(CHECK_KINDS[cloud].cloud).toBe(cloud);
    for (const kind of ROLE_RECIPE_KINDS) expect(CHECK_KINDS[kind].cloud).toBe('aws');
  });

  it('stored values meet their own record: a recipe by its kind, a platform association by its cloud', () => {
    expect(checkKindFor({ cloud: 'gcp' })).toBe(CHECK_KINDS.gcp);
    expect(checkKindFor({ kind: 'platform', cloud: 'aws' })).toBe(CHECK_KINDS.aws);
    for (const kind of ROLE_RECIPE_KINDS) expect(checkKindFor({ kind, cloud: 'aws' })).toBe(CHECK_KINDS[kind]);
    expect(checkKindFor({})).toBeUndefined();
  });

  it('no check code outside the registry tells platform associations and role recipes apart', () => {
    // The service reaches every kind through checkKindFor; what differs (group, platform step, token) is in the records.
    const files = [...sources(join(CORE, 'checks')), ...sources(join(CORE, 'health'))].filter(
      (file) => !file.endsWith('check-kinds.ts'),
    );
    const branching = files.filter((file) =>
      /associationKindOf\(|ROLE_RECIPE_KINDS|roleRecipeInputSchema\b/.test(readFileSync(file, 'utf8')),
    );
    expect(branching.map((file) => relative(CORE, file))).toEqual([]);
  });

  it('no check code outside the per-kind records branches on the cloud', () => {
    // The pipeline, the service, the check-all run and the platform step: a kind's facts come from its record.
    const files = [
      ...sources(join(CORE, 'checks')).filter((file) => !/checks\/(aws|gcp)\//.test(file)),
      ...sources(join(CORE, 'health')),
      join(CORE, 'platform', 'platform-check-step.ts'),
    ];
    expect(files.length).toBeGreaterThan(10);
    const branching = files.filter((file) => /\bcloud\s*[!=]==?\s*['"]/.test(readFileSync(file, 'utf8')));
    expect(branching.map((file) => relative(CORE, file))).toEqual([]);
  });

  it('AWS credentials come only from the one provider (aws-credential-provider.ts)', () => {
    const importing = sources(CORE).filter((file) =>
      /from '@aws-sdk\/credential-provider/.test(readFileSync(file, 'utf8')),
    );
    expect(importing.map((file) => relative(CORE, file))).toEqual(['aws/aws-credential-provider.ts']);
  });
});
