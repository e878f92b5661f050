import type { ApiError } from '../../../shared/errors';
import {
  terraformErrorCodes,
  type RunPhase,
  type TerraformDiagnostic,
  type TerraformLockInfo,
} from '../../../shared/contract/terraform';
import { parseLockInfo } from './lock-info';

// The codes live in the contract so the renderer can tell a held lock from a stale plan.
export { terraformErrorCodes };

export interface RunFailure {
  error: ApiError;
  lock?: TerraformLockInfo;
}

export interface FailureFacts {
  phase: RunPhase;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Error diagnostics Terraform reported, in order. */
  diagnostics: readonly TerraformDiagnostic[];
  /** Raw (non-JSON) lines, e.g. stderr: where `init` without `-json` and crashes speak. */
  rawLines: readonly string[];
}

const REGISTRY =
  /registry|failed to query available provider packages|could not retrieve the list of available versions|failed to request discovery document|no such host|dial tcp/i;
const NO_SPACE = /no space left on device|ENOSPC|disk quota exceeded/i;

const MODULE =
  /module registry|failed to download module|module not installed|invalid module source|error downloading modules|module source|could not download module|no versions of module/i;
const PROVIDER =
  /provider packages|failed to install provider|provider registry|query available provider|registry\.terraform\.io\/hashicorp|incompatible provider/i;
const BACKEND =
  /backend|failed to get existing workspaces|error loading state|failed to load state|state bucket|NoSuchBucket|error refreshing state/i;

/** The AWS provider's answer when the account has an OIDC provider for the URL already. */
const OIDC_PROVIDER_EXISTS = /EntityAlreadyExists/;
const OIDC_PROVIDER = /OpenIDConnect|OIDC Provider|oidc-provider|openid_connect_provider/i;
/** Google's 409 for a pool id in use, by a live pool or one deleted within 30 days. */
const ALREADY_EXISTS = /Error 409|already exists|ALREADY_EXISTS/i;
const POOL = /WorkloadIdentityPool|workload_identity_pool\b|workloadIdentityPools/i;

/**
 * The two apply failures operators of these modules hit in the wild (issue 19, part 6): each gets the
 * fix Liaison offers before the plan, for when the lookup could not be made or was declined.
 */
function existingResourceFailure(facts: FailureFacts, everything: string): RunFailure | undefined {
  if (facts.phase !== 'apply' && facts.phase !== 'plan') return undefined;
  if (OIDC_PROVIDER_EXISTS.test(everything) && OIDC_PROVIDER.test(everything)) {
    return {
      error: {
        code: terraformErrorCodes.oidcProviderExists,
        message:
          'The account already has an IAM OIDC provider for the issuer (AWS allows one per URL), so the module could not create it: EntityAlreadyExists.',
        remediation:
          'Adopt the existing provider: in the wizard’s Review step (Back, or Edit on the association) tick “Adopt the existing provider”, which adds an import block to main.tf so Terraform takes it over; save, then plan again.',
      },
    };
  }
  if (ALREADY_EXISTS.test(everything) && POOL.test(everything)) {
    return {
      error: {
        code: terraformErrorCodes.poolExists,
        message:
          'The workload identity pool chainguard-pool already exists in the project, or was deleted less than 30 days ago (Google keeps deleted pools that long, and their ids stay taken): 409 already exists.',
        remediation:
          'If it was deleted, undelete it (gcloud iam workload-identity-pools undelete chainguard-pool --location=global --project=<project>), then plan again: Terraform updates the restored pool.',
      },
    };
  }
  return undefined;
}

/** What `terraform init` could not get: the association module, a provider, or the state backend. */
function initFailureSubject(
  diagnostics: readonly TerraformDiagnostic[],
  everything: string,
): 'module' | 'provider' | 'backend' | undefined {
  // The first diagnostic names what failed; the whole text is the fallback for raw output.
  const text = diagnostics[0] ? `${diagnostics[0].summary}\n${diagnostics[0].detail}` : everything;
  if (BACKEND.test(text) && !MODULE.test(text)) return 'backend';
  if (MODULE.test(text)) return 'module';
  if (PROVIDER.test(text)) return 'provider';
  return undefined;
}

/** Advice for each kind of init failure: what serves a module does not serve a provider, nor a backend. */
const INIT_ADVICE = {
  module:
    'Terraform could not download the association module. On a network without the public registry, choose a private registry or a local copy of the module under the wizard’s Options → Module source (kept for this workspace); behind a proxy, set it in Settings → Terraform. Then plan again.',
  provider:
    'Terraform could not download a provider (hashicorp/aws or google). Behind a proxy, set it in Settings → Terraform; on a network without the public registry, configure a provider mirror (provider_installation in the Terraform CLI configuration, TF_CLI_CONFIG_FILE). Then plan again.',
  backend:
    'Terraform could not set up the state backend. Check that the bucket exists, that these credentials can read and write it, and its region (Options → Terraform state); then plan again.',
  other: 'Read the diagnostic above, fix the workspace files or the Terraform configuration, and plan again.',
} as const;

/** Turns how a Terraform step ended into the typed error the UI shows and the run record keeps. */
export function describeRunFailure(facts: FailureFacts): RunFailure {
  const first = facts.diagnostics[0];
  const everything = [...facts.diagnostics.map((d) => `${d.summary}\n${d.detail}`), ...facts.rawLines].join('\n');
  const lock = facts.diagnostics.map(parseLockInfo).find((info) => info !== undefined);
  if (lock) {
    return {
      lock,
      error: {
        code: terraformErrorCodes.locked,
        message: `The workspace's state is locked by ${lock.who || 'another process'} (${describeOperation(lock.operation)}, since ${lock.created || 'an unknown time'}).`,
        remediation: `Wait for that run to finish and try again. If it is certain that no run is in progress (a crashed run left the lock), force-unlock lock ${lock.id}.`,
      },
    };
  }
  if (facts.diagnostics.some((d) => /^Saved plan is stale$/i.test(d.summary))) {
    return {
      error: {
        code: terraformErrorCodes.planStale,
        message: 'The saved plan is stale: the state changed after it was made, so Terraform refused to apply it.',
        remediation: 'Run a new plan, review it, and apply that one.',
      },
    };
  }
  if (NO_SPACE.test(everything)) {
    return {
      error: {
        code: terraformErrorCodes.diskFull,
        message: `Terraform ran out of disk space during ${facts.phase}: ${firstLine(first?.summary ?? everything)}`,
        remediation:
          'Free disk space where the workspace and the temporary directory live, then plan again. The state file was left as Terraform wrote it.',
      },
    };
  }
  if (facts.phase === 'init') {
    const registry = REGISTRY.test(everything);
    const what = initFailureSubject(facts.diagnostics, everything);
    return {
      error: {
        code: registry && what !== 'backend' ? terraformErrorCodes.registryUnreachable : terraformErrorCodes.initFailed,
        message: `terraform init failed: ${first ? diagnosticText(first) : firstLine(everything) || `exit code ${String(facts.exitCode)}`}`,
        remediation: INIT_ADVICE[what ?? (registry ? 'provider' : 'other')],
      },
    };
  }
  const existing = existingResourceFailure(facts, everything);
  if (existing) return existing;
  const ending = facts.signal ? `was stopped by ${facts.signal}` : `exited with code ${String(facts.exitCode)}`;
  return {
    error: {
      code: terraformErrorCodes.failed,
      message: first
        ? `terraform ${facts.phase} failed: ${diagnosticText(first)}`
        : `terraform ${facts.phase} ${ending}${rawSuffix(facts.rawLines)}`,
      remediation:
        facts.phase === 'apply'
          ? 'Some changes may have been applied: the state records exactly which. Fix the cause, then plan again to see what is left.'
          : 'Fix the cause shown in the diagnostics, then plan again.',
    },
  };
}

function diagnosticText(diagnostic: TerraformDiagnostic): string {
  const where = diagnostic.address ? ` (${diagnostic.address})` : '';
  const detail = firstLine(diagnostic.detail);
  return `${diagnostic.summary}${where}${detail ? `: ${detail}` : ''}`;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

function rawSuffix(lines: readonly string[]): string {
  const last = lines.filter((line) => line.trim() !== '').at(-1);
  return last ? `: ${last.trim()}` : '';
}

function describeOperation(operation: string): string {
  const name = operation.replace(/^OperationType/, '').toLowerCase();
  return name ? `running ${name}` : 'an unknown operation';
}
