import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../../shared/terraform/generate-workspace';
import { hclString } from '../../../shared/terraform/hcl-escape';
import { goldenCases } from '../../../test-support/terraform-files/golden-cases';
import {
  describeGoldenFiles,
  filesOf,
  fmtCheckSampled,
  runTerraform,
} from '../../../test-support/terraform-files/golden-files';
import { findTerraformForTests } from './terraform-binary';

/*
 * The golden files pin the generator's bytes; the real `terraform fmt -check` proves those bytes are
 * what fmt would write, and `terraform console` proves the string escaping means what we think.
 * Regenerate the goldens after an intended change with: UPDATE_GOLDEN=1 npx vitest run electron/core/terraform
 */

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED terraform checks: ${terraform.reason}`);

const scratch = mkdtempSync(join(tmpdir(), 'liaison-tf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GOLDEN_DIR = new URL('../../../shared/terraform/__golden__/', import.meta.url).pathname;
const generated = (spec: unknown) => filesOf(generateWorkspace(spec));

describeGoldenFiles('golden files', { dir: GOLDEN_DIR, cases: goldenCases, generate: generated });

describe.skipIf(!terraform.found)('with the real terraform binary', () => {
  it.each(Object.keys(goldenCases))('terraform fmt -check accepts golden %s unchanged', (name) => {
    const result = runTerraform(['fmt', '-check', '-diff', '-no-color'], join(GOLDEN_DIR, name));
    expect(result.stdout + result.stderr).not.toMatch(/^[-+][^-+]/m);
    expect(result.status).toBe(0);
  });

  it('terraform fmt -check accepts generated files for sampled workspaces', () => {
    const group = fc.record({
      id: fc.stringMatching(/^[0-9a-f]{40}(\/[0-9a-f]{16}){0,2}$/),
      name: fc.string({ unit: 'binary', maxLength: 300 }),
    });
    const spec = fc.oneof(
      fc.record({
        cloud: fc.constant('aws'),
        accountId: fc.stringMatching(/^\d{12}$/),
        moduleVersion: fc.constant('0.0.10'),
        environment: fc.constantFrom('enforce.dev', 'a.b-c.example'),
        auditLogRegions: fc.uniqueArray(fc.constantFrom('us-east-1', 'eu-west-2', 'ap-southeast-1', 'us-gov-west-1')),
        groups: fc.uniqueArray(group, { selector: (each) => each.id, maxLength: 4 }),
      }),
      fc.record({
        cloud: fc.constant('gcp'),
        projectId: fc.stringMatching(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/),
        projectNumber: fc.stringMatching(/^[1-9]\d{0,19}$/),
        moduleVersion: fc.constantFrom('0.0.11', '0.0.12'),
        environment: fc.constant('enforce.dev'),
        groups: fc.uniqueArray(group, { selector: (each) => each.id, maxLength: 4 }),
      }),
    );
    const result = fmtCheckSampled(join(scratch, 'sampled'), fc.sample(spec, { numRuns: 40, seed: 5 }), generated);
    expect(result.stdout, 'files fmt would change').toBe('');
    expect(result.status).toBe(0);
  });

  it('terraform reads every escaped string back as the original value', () => {
    const values = [
      '${var.x}',
      '$${x}',
      '%{ if true }y%{ endif }',
      '%%{',
      'quote " backslash \\ newline \n tab \t cr \r',
      '\u0000\u0001\u001f\u007f',
      'é 😀 中文',
      '$',
      '%',
      '${',
      'a$${',
    ];
    const dir = join(scratch, 'console');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'values.tf'), `locals {\n  values = [${values.map(hclString).join(', ')}]\n}\n`);
    const result = runTerraform(['console'], dir, 'base64encode(jsonencode(local.values))\n');
    expect(result.status, result.stderr).toBe(0);
    const encoded = /"([A-Za-z0-9+/=]+)"/.exec(result.stdout)?.[1] ?? '';
    expect(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'))).toEqual(values);
  });
});
