import { WORKSPACE_KEY_PATTERN } from '../../../shared/contract/workspace-key';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_FILE_PATHS, type GeneratedFile } from '../../../shared/terraform/generate-workspace';
import { hasLiaisonHeader } from '../../../shared/terraform/liaison-header';
import { CoreError } from '../core-error';

export const WORKSPACE_NOT_WRITABLE = 'WORKSPACE_NOT_WRITABLE';
export const WORKSPACE_FOREIGN_FILE = 'WORKSPACE_FOREIGN_FILE';

/** Workspace names come from validated ids; this re-checks so no input can climb out of the data dir. */
const WORKSPACE_KEY = WORKSPACE_KEY_PATTERN;

export interface CurrentFile {
  path: GeneratedFile['path'];
  content: string | null;
  liaison: boolean;
}

/** Where every account's or project's Terraform lives: `<dataDir>/workspaces/<key>/`. */
export function workspaceDir(dataDir: string, key: string): string {
  if (!WORKSPACE_KEY.test(key)) throw new Error(`Refusing workspace name ${JSON.stringify(key)}`);
  return join(dataDir, 'workspaces', key);
}

/** The files Liaison manages, as they are on disk now (null when absent). */
export function readWorkspaceFiles(dir: string): CurrentFile[] {
  return GENERATED_FILE_PATHS.map((path) => {
    const content = readIfPresent(join(dir, path));
    return { path, content, liaison: content !== null && hasLiaisonHeader(content) };
  });
}

export function foreignFiles(current: readonly CurrentFile[]): string[] {
  return current.filter((file) => file.content !== null && !file.liaison).map((file) => file.path);
}

/**
 * Writes the generated files, each atomically (temp file, fsync, rename), so a crash leaves either
 * the old file or the new one. Only Liaison's own three names are written: state files and
 * `.terraform/` are never touched. A file Liaison did not write is replaced only when asked to.
 */
export function writeWorkspaceFiles(dir: string, files: readonly GeneratedFile[], replaceForeign: boolean): void {
  const foreign = foreignFiles(readWorkspaceFiles(dir));
  if (foreign.length > 0 && !replaceForeign) {
    throw new CoreError({
      code: WORKSPACE_FOREIGN_FILE,
      field: 'replaceForeignFiles',
      message: `${foreign.join(', ')} in ${dir} ${foreign.length === 1 ? 'was' : 'were'} not written by Liaison, so Liaison will not overwrite ${foreign.length === 1 ? 'it' : 'them'} without asking.`,
      remediation: 'Review the differences, then confirm that Liaison may replace the file, or move it elsewhere.',
    });
  }
  try {
    // workspaces/ and each workspace hold Terraform state: the user's only.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const file of files) writeAtomically(dir, file);
  } catch (cause) {
    if (cause instanceof CoreError) throw cause;
    throw notWritable(dir, cause);
  }
}

function writeAtomically(dir: string, file: GeneratedFile): void {
  if (!(GENERATED_FILE_PATHS as readonly string[]).includes(file.path)) {
    throw new Error(`Liaison writes only its own files, not ${file.path}`);
  }
  const target = join(dir, file.path);
  const temporary = join(dir, `.${file.path}.${randomBytes(6).toString('hex')}.liaison-tmp`);
  const descriptor = openSync(temporary, 'wx', 0o644);
  try {
    writeSync(descriptor, file.content);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CoreError(
      {
        code: WORKSPACE_NOT_WRITABLE,
        message: `Liaison cannot read ${path}: ${(error as Error).message}`,
        remediation:
          'Make sure the workspace path is a directory you can read and write, or set LIAISON_DATA_DIR elsewhere.',
      },
      { cause: error },
    );
  }
}

function notWritable(dir: string, cause: unknown): CoreError {
  const code = (cause as NodeJS.ErrnoException).code ?? 'unknown';
  return new CoreError(
    {
      code: WORKSPACE_NOT_WRITABLE,
      message: `Liaison cannot write the workspace ${dir} (${code}: ${cause instanceof Error ? cause.message : String(cause)}).`,
      remediation:
        code === 'EACCES' || code === 'EPERM'
          ? 'Give your user write permission on that directory, or set LIAISON_DATA_DIR to a directory you own.'
          : 'Check that the path is a directory on a writable disk with free space, or set LIAISON_DATA_DIR elsewhere.',
    },
    { cause },
  );
}
