import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terraformEventSchema } from '../../../shared/contract/terraform';
import { parseTerraformLine } from './parse-terraform-line';

const RECORDINGS = new URL('../../../test-support/fakes/terraform/recordings/', import.meta.url).pathname;

function recorded(path: string): string[] {
  return readFileSync(`${RECORDINGS}${path}`, 'utf8').split('\n').filter(Boolean);
}

describe('parseTerraformLine on lines recorded from the real terraform', () => {
  const files = ['success/init.stdout', 'success/plan.stdout', 'success/apply.stdout', 'apply-error/apply.stdout'];

  it.each(files)('types every line of %s (none left raw or unmodelled)', (file) => {
    const types = recorded(file).map((line) => parseTerraformLine(line, 'stdout').type);
    expect(types.length).toBeGreaterThan(3);
    expect(types).not.toContain('raw');
    expect(types).not.toContain('other');
  });

  it('reads a planned change, the summary and the outputs of a plan', () => {
    const events = recorded('success/plan.stdout').map((line) => parseTerraformLine(line, 'stdout'));
    const planned = events.flatMap((event) => (event.type === 'planned_change' ? [event.change.resource.addr] : []));
    expect(planned.sort()).toEqual(['terraform_data.binding', 'terraform_data.policy', 'terraform_data.role']);
    expect(events.find((event) => event.type === 'change_summary')).toMatchObject({
      changes: { add: 3, change: 0, remove: 0, operation: 'plan' },
    });
  });

  it('reads apply progress and the diagnostic of a failing provisioner', () => {
    const events = recorded('apply-error/apply.stdout').map((line) => parseTerraformLine(line, 'stdout'));
    expect(events.find((event) => event.type === 'apply_complete')).toMatchObject({
      hook: { resource: { addr: 'terraform_data.good' }, action: 'create', id_key: 'id' },
    });
    expect(events.find((event) => event.type === 'apply_errored')).toMatchObject({
      hook: { resource: { addr: 'terraform_data.bad' }, action: 'create' },
    });
    const diagnostic = events.find((event) => event.type === 'diagnostic');
    expect(diagnostic).toMatchObject({
      level: 'error',
      diagnostic: {
        severity: 'error',
        summary: 'local-exec provisioner error',
        address: 'terraform_data.bad',
        range: { filename: 'main.tf' },
        snippet: { code: expect.stringContaining('provisioner "local-exec"') as unknown },
      },
    });
    if (diagnostic?.type !== 'diagnostic') throw new Error('no diagnostic');
    expect(diagnostic.diagnostic.detail).toContain('exit status 3');
  });
});

describe('parseTerraformLine on anything else', () => {
  it('keeps a JSON line of an unmodelled type as "other", with its message', () => {
    const line = JSON.stringify({ '@level': 'info', '@message': 'Test passed', '@timestamp': 't', type: 'test_run' });
    expect(parseTerraformLine(line, 'stdout')).toEqual({
      type: 'other',
      terraformType: 'test_run',
      level: 'info',
      message: 'Test passed',
      timestamp: 't',
    });
  });

  it('keeps a known type whose shape changed as "other" rather than dropping it', () => {
    const line = JSON.stringify({
      '@level': 'info',
      '@message': 'Plan: odd',
      '@timestamp': 't',
      type: 'change_summary',
    });
    expect(parseTerraformLine(line, 'stdout')).toMatchObject({ type: 'other', terraformType: 'change_summary' });
  });

  it('keeps text, broken JSON and stderr as raw lines, verbatim', () => {
    expect(parseTerraformLine('Error: Failed to load plugin', 'stdout')).toEqual({
      type: 'raw',
      stream: 'stdout',
      text: 'Error: Failed to load plugin',
    });
    expect(parseTerraformLine('{"type": "log", ', 'stdout')).toMatchObject({ type: 'raw' });
    const json = JSON.stringify({ '@message': 'm', type: 'log' });
    expect(parseTerraformLine(json, 'stderr')).toEqual({ type: 'raw', stream: 'stderr', text: json });
  });

  it('never throws, and always yields an event the contract accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.json()),
        fc.constantFrom('stdout' as const, 'stderr' as const),
        (line, stream) => {
          expect(terraformEventSchema.safeParse(parseTerraformLine(line, stream)).success).toBe(true);
        },
      ),
    );
  });
});
