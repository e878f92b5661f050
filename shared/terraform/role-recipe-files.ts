import { roleRecipeInputSchema, roleWorkspaceKey, type RoleRecipe } from '../contract/role-recipes';
import { apiErrorFromZod, type ApiError } from '../errors';
import { eksServiceAccountRoleFiles } from './eks-service-account-role-tf';
import type { GeneratedFile } from './generate-workspace';
import { thirdPartyRoleFiles } from './third-party-role-tf';

/** Every role recipe kind's workspace files; a kind missing here fails to compile. */
const ROLE_RECIPE_FILES: {
  [Kind in RoleRecipe['kind']]: (role: Extract<RoleRecipe, { kind: Kind }>) => GeneratedFile[];
} = {
  'third-party-role': thirdPartyRoleFiles,
  'eks-service-account-role': eksServiceAccountRoleFiles,
};

export function roleRecipeFiles(role: RoleRecipe): GeneratedFile[] {
  return (ROLE_RECIPE_FILES[role.kind] as (role: RoleRecipe) => GeneratedFile[])(role);
}

export type RoleRecipeGenerationResult =
  { ok: true; role: RoleRecipe; workspaceKey: string; files: GeneratedFile[] } | { ok: false; error: ApiError };

/** Any recipe's workspace from unparsed input, its kind choosing the generator. Pure and deterministic. */
export function generateRoleRecipe(input: unknown): RoleRecipeGenerationResult {
  const parsed = roleRecipeInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: apiErrorFromZod(parsed.error) };
  const role = parsed.data;
  return {
    ok: true,
    role,
    workspaceKey: roleWorkspaceKey(role.accountId, role.roleName),
    files: roleRecipeFiles(role),
  };
}
