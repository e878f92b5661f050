import { statSync } from 'node:fs';
import type { DriftStatus } from '../../../shared/contract/health';
import type { TerraformDiagnostic } from '../../../shared/contract/terraform';
import { parseTerraformLine } from '../terraform/parse-terraform-line';
import { createSecretRedactor } from '../terraform/secret-redactor';
import { buildTerraformEnv, secretsOf, type TerraformCredentialSource } from '../terraform/terraform-child-env';
import { startTerraformProcess } from '../terraform/terraform-process';

export interface DriftOutcome {
  status: Exclude<DriftStatus, 'unknown'>;
  /** Drift: one line per drifted resource or output. Error: the diagnostic or cause. */
  detail?: string;
}

export interface WorkspaceDriftOptions {
  /** The app's environment: only its allow-listed part reaches Terraform. */
  env: NodeJS.ProcessEnv;
  credentials: TerraformCredentialSource;
  workspaceDirFor: (workspaceKey: string) => string;
  /** The Terraform binary the runs use, or why there is none. */
  binary: () => Promise<{ path: string } | { error: string }>;
  timeoutMs?: number;
}

/** The refresh-only plan: reads the real resources, never writes state, never prompts. */
export const DRIFT_PLAN_ARGS = ['plan', '-refresh-only', '-detailed-exitcode', '-input=false', '-json'] as const;
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const MAX_DETAIL_LINES = 50;

/**
 * Whether a workspace's real resources still match its state: exit 0 is in sync, 2 is drift (the
 * `resource_drift` and changed `outputs` events say what), anything else an error with Terraform's
 * diagnostic. Credentials resolve without interaction; one that needs a sign-in is an error saying so.
 */
export async function checkWorkspaceDrift(workspaceKey: string, options: WorkspaceDriftOptions): Promise<DriftOutcome> {
  const dir = options.workspaceDirFor(workspaceKey);
  if (!isDirectory(dir)) return { status: 'error', detail: `The workspace has no files yet (${dir}).` };
  const binary = await options.binary();
  if ('error' in binary) return { status: 'error', detail: binary.error };
  let credentials;
  try {
    credentials = await options.credentials.credentialsFor(workspaceKey, { interactive: false });
  } catch (error) {
    return { status: 'error', detail: `Needs sign-in: ${error instanceof Error ? error.message : String(error)}` };
  }
  const redact = createSecretRedactor(secretsOf(credentials));
  const drifted: string[] = [];
  const diagnostics: TerraformDiagnostic[] = [];
  const stderr: string[] = [];
  const child = startTerraformProcess({
    binary: binary.path,
    args: DRIFT_PLAN_ARGS,
    cwd: dir,
    env: buildTerraformEnv(options.env, credentials),
    onLine: (rawLine, stream) => {
      const line = redact(rawLine);
      const event = parseTerraformLine(line, stream);
      if (event.type === 'resource_drift') drifted.push(`${event.change.resource.addr}: ${event.change.action}`);
      else if (event.type === 'outputs') {
        for (const [name, output] of Object.entries(event.outputs)) {
          if (output.action && output.action !== 'noop') drifted.push(`output.${name}: ${output.action}`);
        }
      } else if (event.type === 'diagnostic' && event.diagnostic.severity === 'error')
        diagnostics.push(event.diagnostic);
      else if (event.type === 'raw' && stream === 'stderr' && line.trim() !== '') stderr.push(line);
    },
  });
  const timer = setTimeout(
    () => void child.stop({ interruptMs: 15_000, terminateMs: 5_000 }),
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  timer.unref();
  const exit = await child.exited.finally(() => clearTimeout(timer));
  if (exit.exitCode === 0) return { status: 'in-sync' };
  if (exit.exitCode === 2) {
    const lines = drifted.length > 0 ? drifted : ['Terraform reported differences (no resource or output named).'];
    return { status: 'drift', detail: cap(lines).join('\n') };
  }
  const cause =
    diagnostics.map((d) => [d.summary, d.detail].filter(Boolean).join(': ')).join('\n') ||
    stderr.slice(-10).join('\n') ||
    exit.spawnError ||
    (exit.signal ? `terraform stopped by ${exit.signal}` : `terraform exited with ${String(exit.exitCode)}`);
  return { status: 'error', detail: cause };
}

function cap(lines: string[]): string[] {
  if (lines.length <= MAX_DETAIL_LINES) return lines;
  return [...lines.slice(0, MAX_DETAIL_LINES), `… and ${String(lines.length - MAX_DETAIL_LINES)} more`];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
