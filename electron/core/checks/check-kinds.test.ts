import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { associationInputSchema } from '../../../shared/contract/associations';
import { CHECK_KINDS } from './check-kinds';

const CORE = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/\.(test|spec|bench)\.ts$/.test(file))
    .map((file) => join(dir, file));
}

describe('check kinds', () => {
  it('every association kind in the contract has its check record, under its own name', () => {
    const contractKinds = associationInputSchema.options.map((option) => option.shape.cloud.value);
    expect(Object.keys(CHECK_KINDS).sort()).toEqual([...contractKinds].sort());
    for (const [cloud, kind] of Object.entries(CHECK_KINDS)) expect(kind.cloud).toBe(cloud);
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
