import { apiErrorFromZod, type ApiError } from '../errors';
import { renderHcl } from './hcl-render';
import { terraformTarget } from './terraform-targets';
import { versionsTf } from './versions-tf';
import { workspaceReadme } from './workspace-readme';
import { workspaceSpecSchema, type WorkspaceSpec } from './workspace-spec';

export interface GeneratedFile {
  readonly path: 'main.tf' | 'versions.tf' | 'README.md';
  readonly content: string;
}

export type GenerationResult =
  { ok: true; spec: WorkspaceSpec; files: GeneratedFile[] } | { ok: false; error: ApiError };

/** The file names Liaison writes in a workspace, in the order it shows them. */
export const GENERATED_FILE_PATHS: readonly GeneratedFile['path'][] = ['main.tf', 'versions.tf', 'README.md'];

/**
 * Validates the workspace and produces its files, or refuses with field-level errors. Pure and
 * deterministic: the same groups, in any order, give the same bytes.
 */
export function generateWorkspace(input: unknown): GenerationResult {
  const parsed = workspaceSpecSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: apiErrorFromZod(parsed.error) };
  const spec = parsed.data;
  const target = terraformTarget(spec.cloud);
  return {
    ok: true,
    spec,
    files: [
      { path: 'main.tf', content: renderHcl(target.mainTf(spec)) },
      { path: 'versions.tf', content: renderHcl(versionsTf(spec)) },
      { path: 'README.md', content: workspaceReadme(target.readme(spec)) },
    ],
  };
}
