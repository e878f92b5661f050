import { roleRecipeInputSchema, type RoleRecipe } from '../contract/role-recipes';
import { eksServiceAccountRoleFiles } from './eks-service-account-role-tf';
import type { GeneratedFile } from './generate-workspace';
import { generateRoleWorkspace, type RoleWorkspaceResult } from './role-workspace-tf';
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

export type RoleRecipeGenerationResult = RoleWorkspaceResult<RoleRecipe>;

/** Any recipe's workspace from unparsed input, its kind choosing the generator. Pure and deterministic. */
export function generateRoleRecipe(input: unknown): RoleRecipeGenerationResult {
  return generateRoleWorkspace(roleRecipeInputSchema, roleRecipeFiles, input);
}
