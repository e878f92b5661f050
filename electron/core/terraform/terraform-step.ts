import type { ChangeCounts, TerraformDiagnostic } from '../../../shared/contract/terraform';
import { parseTerraformLine, type OutputStream } from './parse-terraform-line';
import type { RunEventSink } from './run-event-sink';
import { startTerraformProcess, type ProcessExit, type TerraformProcess } from './terraform-process';

export interface StepResult extends ProcessExit {
  diagnostics: TerraformDiagnostic[];
  rawLines: string[];
  /** From `change_summary`, or counted from completed resources when Terraform stopped before one. */
  changes: ChangeCounts | undefined;
  /** Stdout, when the step captures it instead of logging it (`show -json`). */
  stdout: string;
}

export interface StepOptions {
  binary: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  redact: (line: string) => string;
  sink: RunEventSink;
  /** Keep stdout out of the log and return it (for `show -json`, whose values may be sensitive). */
  captureStdout?: boolean;
  /** At once, with the process being started (so it can be stopped from here on). */
  onStart?: (process: TerraformProcess) => void;
  /** Once it has started (pid undefined: it could not start), before any outcome is awaited. */
  onStarted?: (pid: number | undefined) => void;
  /** Takes up a process already running (a run a previous Liaison started) instead of starting one. */
  attach?: (onLine: (line: string, stream: OutputStream) => void) => TerraformProcess;
}

/** Runs one Terraform command, logging and streaming each (redacted) line as a typed event. */
export async function runTerraformStep(options: StepOptions): Promise<StepResult> {
  const diagnostics: TerraformDiagnostic[] = [];
  const rawLines: string[] = [];
  const stdout: string[] = [];
  const completed: ChangeCounts = { add: 0, change: 0, remove: 0, import: 0 };
  let summary: ChangeCounts | undefined;
  const onLine = (rawLine: string, stream: OutputStream): void => {
    const line = options.redact(rawLine);
    if (options.captureStdout && stream === 'stdout') {
      stdout.push(line);
      return;
    }
    const event = parseTerraformLine(line, stream);
    options.sink.push(line, stream, event);
    switch (event.type) {
      case 'diagnostic':
        if (event.diagnostic.severity === 'error') diagnostics.push(event.diagnostic);
        break;
      case 'raw':
        if (line.trim() !== '') rawLines.push(line);
        break;
      case 'change_summary':
        summary = {
          add: event.changes.add,
          change: event.changes.change,
          remove: event.changes.remove,
          import: event.changes.import,
        };
        break;
      case 'apply_complete':
        countCompleted(completed, event.hook.action);
        break;
    }
  };
  const child =
    options.attach?.(onLine) ??
    startTerraformProcess({
      binary: options.binary,
      args: options.args,
      cwd: options.cwd,
      env: options.env,
      onLine,
    });
  options.onStart?.(child);
  if (options.onStarted) options.onStarted(await child.started);
  const exit = await child.exited;
  options.sink.flush();
  const anyCompleted = completed.add + completed.change + completed.remove > 0;
  return {
    ...exit,
    diagnostics,
    rawLines: rawLines.slice(-50),
    changes: summary ?? (anyCompleted ? completed : undefined),
    stdout: stdout.join('\n'),
  };
}

function countCompleted(counts: ChangeCounts, action: string): void {
  if (action === 'create') counts.add += 1;
  else if (action === 'update') counts.change += 1;
  else if (action === 'delete') counts.remove += 1;
  else if (action === 'replace') {
    counts.add += 1;
    counts.remove += 1;
  }
}
