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
    return {
      error: {
        code: registry ? terraformErrorCodes.registryUnreachable : terraformErrorCodes.initFailed,
        message: `terraform init failed: ${first ? diagnosticText(first) : firstLine(everything) || `exit code ${String(facts.exitCode)}`}`,
        remediation: registry
          ? 'Terraform could not download a module or provider. Check the network connection and any proxy (HTTPS_PROXY), or configure a provider mirror in the Terraform CLI configuration (TF_CLI_CONFIG_FILE).'
          : 'Read the diagnostic above, fix the workspace files or the Terraform configuration, and plan again.',
      },
    };
  }
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
