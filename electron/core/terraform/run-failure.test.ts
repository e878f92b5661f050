import { describe, expect, it } from 'vitest';
import { describeRunFailure, terraformErrorCodes, type FailureFacts } from './run-failure';

const facts = (overrides: Partial<FailureFacts>): FailureFacts => ({
  phase: 'apply',
  exitCode: 1,
  signal: null,
  diagnostics: [],
  rawLines: [],
  ...overrides,
});

describe('describeRunFailure', () => {
  it('names a stale saved plan', () => {
    const failure = describeRunFailure(
      facts({ diagnostics: [{ severity: 'error', summary: 'Saved plan is stale', detail: 'The given plan file…' }] }),
    );
    expect(failure.error.code).toBe(terraformErrorCodes.planStale);
    expect(failure.error.remediation).toMatch(/new plan/);
  });

  it('says who holds a lock, and offers force-unlock of that lock id', () => {
    const detail =
      'Lock Info:\n  ID:        abc-123\n  Operation: OperationTypeApply\n  Who:       ci@runner\n  Created:   yesterday\n';
    const failure = describeRunFailure(
      facts({ phase: 'plan', diagnostics: [{ severity: 'error', summary: 'Error acquiring the state lock', detail }] }),
    );
    expect(failure.lock).toMatchObject({ id: 'abc-123', who: 'ci@runner' });
    expect(failure.error.message).toBe(
      "The workspace's state is locked by ci@runner (running apply, since yesterday).",
    );
    expect(failure.error.remediation).toContain('abc-123');
  });

  it('tells an unreachable registry during init from other init failures', () => {
    const registry = describeRunFailure(
      facts({
        phase: 'init',
        diagnostics: [
          {
            severity: 'error',
            summary: 'Error accessing remote module registry',
            detail: 'failed to request discovery document: dial tcp: lookup registry.terraform.io: no such host',
          },
        ],
      }),
    );
    expect(registry.error.code).toBe(terraformErrorCodes.registryUnreachable);
    expect(registry.error.message).toContain('Error accessing remote module registry');
    expect(registry.error.remediation).toMatch(/proxy|mirror/);
    const syntax = describeRunFailure(
      facts({
        phase: 'init',
        diagnostics: [{ severity: 'error', summary: 'Argument or block definition required', detail: '' }],
      }),
    );
    expect(syntax.error.code).toBe(terraformErrorCodes.initFailed);
  });

  it('gives advice that matches what init could not get: the module, a provider, or the backend', () => {
    const init = (summary: string, detail: string) =>
      describeRunFailure(facts({ phase: 'init', diagnostics: [{ severity: 'error', summary, detail }] })).error;
    const module = init(
      'Error accessing remote module registry',
      'Failed to retrieve available versions for module "aws-impersonation" (main.tf:9) from registry.terraform.io: dial tcp: no such host.',
    );
    expect(module.remediation).toContain('Module source');
    expect(module.remediation).not.toContain('provider mirror');
    const provider = init(
      'Failed to query available provider packages',
      'Could not retrieve the list of available versions for provider hashicorp/aws: could not connect to registry.terraform.io',
    );
    expect(provider.code).toBe(terraformErrorCodes.registryUnreachable);
    expect(provider.remediation).toContain('provider mirror');
    expect(provider.remediation).not.toContain('Module source');
    const backend = init('Failed to get existing workspaces', 'S3 bucket "team-state" does not exist.');
    expect(backend.code).toBe(terraformErrorCodes.initFailed);
    expect(backend.remediation).toContain('bucket exists');
  });

  it('recognises a full disk in diagnostics or raw output', () => {
    const failure = describeRunFailure(facts({ rawLines: ['write terraform.tfstate: no space left on device'] }));
    expect(failure.error.code).toBe(terraformErrorCodes.diskFull);
  });

  it('falls back to the first diagnostic, or the exit code and last raw line', () => {
    expect(
      describeRunFailure(
        facts({ diagnostics: [{ severity: 'error', summary: 'Boom', detail: 'why\nmore', address: 'a.b' }] }),
      ).error.message,
    ).toBe('terraform apply failed: Boom (a.b): why');
    expect(describeRunFailure(facts({ exitCode: 2, rawLines: ['', 'panic: oops', ''] })).error.message).toBe(
      'terraform apply exited with code 2: panic: oops',
    );
  });
});

describe('an apply that fails on what already exists (issue 19, part 6)', () => {
  it('recognises the AWS provider’s EntityAlreadyExists for the OIDC provider and offers adoption', () => {
    const failure = describeRunFailure(
      facts({
        diagnostics: [
          {
            severity: 'error',
            summary:
              'creating IAM OIDC Provider: operation error IAM: CreateOpenIDConnectProvider, https response error StatusCode: 409, RequestID: 5f0c, EntityAlreadyExists: Provider with url https://issuer.enforce.dev already exists.',
            detail: '',
            address: 'module.aws-impersonation.aws_iam_openid_connect_provider.chainguard_idp',
          },
        ],
      }),
    );
    expect(failure.error.code).toBe(terraformErrorCodes.oidcProviderExists);
    expect(failure.error.message).toContain('one per URL');
    expect(failure.error.remediation).toContain('Adopt the existing provider');
    expect(failure.error.remediation).toContain('import block');
  });

  it('recognises Google’s 409 for the workload identity pool and gives the undelete command', () => {
    const failure = describeRunFailure(
      facts({
        diagnostics: [
          {
            severity: 'error',
            summary: 'Error creating WorkloadIdentityPool: googleapi: Error 409: Requested entity already exists',
            detail: '',
            address: 'module.gcp-impersonation.google_iam_workload_identity_pool.chainguard_pool',
          },
        ],
      }),
    );
    expect(failure.error.code).toBe(terraformErrorCodes.poolExists);
    expect(failure.error.message).toContain('30 days');
    expect(failure.error.remediation).toContain('gcloud iam workload-identity-pools undelete chainguard-pool');
  });

  it('leaves other conflicts, and the same words outside plan and apply, to the general description', () => {
    const role = describeRunFailure(
      facts({
        diagnostics: [
          {
            severity: 'error',
            summary:
              'creating IAM Role (chainguard-canary): EntityAlreadyExists: Role with name chainguard-canary already exists.',
            detail: '',
          },
        ],
      }),
    );
    expect(role.error.code).toBe(terraformErrorCodes.failed);
    const init = describeRunFailure(
      facts({
        phase: 'init',
        diagnostics: [{ severity: 'error', summary: 'EntityAlreadyExists oidc-provider', detail: '' }],
      }),
    );
    expect(init.error.code).not.toBe(terraformErrorCodes.oidcProviderExists);
  });
});
