import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { ParsedIniData } from '@smithy/shared-ini-file-loader';
import type { AwsProfile } from '../../../shared/contract/aws';

/**
 * The local checks listing may make: does a `credential_process` command name an executable, does a
 * `web_identity_token_file` exist. Each is a stat, never a run or a read of a secret.
 */
export function addFileWarnings(
  profiles: AwsProfile[],
  merged: (name: string) => ParsedIniData[string] | undefined,
  env: NodeJS.ProcessEnv,
): void {
  const executables = new Map<string, string | undefined>();
  for (const profile of profiles) {
    // Only these kinds name a local file; the rest need no merged view of their sections.
    if (profile.kind !== 'process' && profile.kind !== 'web-identity') continue;
    const data = merged(profile.name);
    if (!data) continue;
    if (profile.kind === 'process' && data.credential_process !== undefined) {
      const command = data.credential_process;
      if (!executables.has(command)) executables.set(command, executableProblem(command, env));
      const problem = executables.get(command);
      if (problem) {
        profile.warnings.push({
          code: 'CREDENTIAL_PROCESS_NOT_EXECUTABLE',
          message: `credential_process ${problem}`,
          remediation: 'Fix the path in credential_process, or make the file executable (chmod +x).',
        });
      }
    }
    if (profile.kind === 'web-identity' && data.web_identity_token_file !== undefined) {
      const file = data.web_identity_token_file;
      if (!isReadableFile(file)) {
        profile.warnings.push({
          code: 'WEB_IDENTITY_TOKEN_FILE_MISSING',
          message: `web_identity_token_file "${file}" does not exist or cannot be read`,
          remediation: 'Point web_identity_token_file at the token your platform writes.',
        });
      }
    }
  }
}

/** Why the command's program cannot run, or undefined when it can (or when the shell decides). */
export function executableProblem(command: string, env: NodeJS.ProcessEnv): string | undefined {
  const program = firstWord(command);
  // A shell construct (`VAR=x cmd`, `$(...)`, `~`) is the shell's to resolve; do not second-guess it.
  if (!program || /[=$`~]/.test(program)) return undefined;
  if (program.includes('/')) {
    const path = isAbsolute(program) ? program : resolve(program);
    if (!isFile(path)) return `"${program}" does not exist`;
    return isExecutable(path) ? undefined : `"${program}" is not executable`;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isFile(join(dir, program)) && isExecutable(join(dir, program))) return undefined;
  }
  if (['exec', 'env', 'sh', 'bash', 'command', 'cd', 'echo', 'printf'].includes(program)) return undefined;
  return `"${program}" is not on PATH`;
}

function firstWord(command: string): string | undefined {
  const text = command.trimStart();
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const end = text.indexOf(quote, 1);
    return end === -1 ? undefined : text.slice(1, end);
  }
  return text.split(/\s/, 1)[0];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isReadableFile(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return isFile(path);
  } catch {
    return false;
  }
}
