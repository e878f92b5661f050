import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED } from './secret-redactor';
import { findTerraformForTests } from './terraform-binary';
import { createHarness, type Harness } from '../../../test-support/core/terraform-test-harness';

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED terraform credential tests: ${terraform.reason}`);

const KEY = 'aws-123456789012';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE/session+token==';
const ACCESS_KEY = 'ASIAEXAMPLEEXAMPLE01';
let harness: Harness | undefined;
afterEach(() => harness?.dispose());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.skipIf(!terraform.found)('credentials for the terraform child', () => {
  it('reach the child through its environment only, and are redacted from the stored log and logs', async () => {
    harness = createHarness('env-echo', {
      credentials: {
        kind: 'aws',
        accessKeyId: ACCESS_KEY,
        secretAccessKey: SECRET_KEY,
        sessionToken: SESSION_TOKEN,
        region: 'eu-west-2',
      },
      env: { ...process.env, LIAISON_APP_SECRET: 'app-only-secret-value', AWS_PROFILE: 'not-this-one' },
    });
    const plan = await harness.service.waitFor(
      (await harness.service.startTerraformPlan({ workspaceKey: KEY, destroy: false })).id,
    );
    const apply = await harness.service.waitFor(
      (
        await harness.service.applyTerraformPlan({
          planRunId: plan.id,
          reviewed: harness.service.getTerraformRun({ runId: plan.id }).plan!.counts,
        })
      ).id,
    );
    expect(apply.status).toBe('succeeded');

    const printed = harness.service
      .getTerraformRunLog({ runId: apply.id, afterSeq: -1, limit: 5000 })
      .entries.flatMap((entry) => (entry.event.type === 'provision_progress' ? [entry.event.hook.output ?? ''] : []));
    expect(printed).toContain(`AWS_SECRET_ACCESS_KEY=${REDACTED}`);
    expect(printed).toContain(`AWS_SESSION_TOKEN=${REDACTED}`);
    expect(printed).toContain(`AWS_ACCESS_KEY_ID=${REDACTED}`);
    expect(printed).toContain('AWS_REGION=eu-west-2');
    expect(printed).toContain('TF_IN_AUTOMATION=1');
    expect(printed.some((line) => line.startsWith('LIAISON_APP_SECRET='))).toBe(false);
    expect(printed.some((line) => line.startsWith('AWS_PROFILE='))).toBe(false);

    // Nowhere at rest: not in the database (its WAL included), the saved plans, the workspace, the logs.
    const everything = [
      ...filesUnder(harness.dataDir).map((file) => readFileSync(file, 'latin1')),
      ...filesUnder(harness.dir).map((file) => readFileSync(file, 'latin1')),
      harness.logs.join(''),
      JSON.stringify([...harness.streamed.values()]),
    ].join('\n');
    for (const secret of [SECRET_KEY, SESSION_TOKEN, ACCESS_KEY]) expect(everything).not.toContain(secret);
    expect(everything).toContain('AWS_REGION=eu-west-2');
  });
});
