import { describe, expect, it } from 'vitest';
import { eksRoleGoldenCases, roleGoldenCases } from '../../test-support/terraform-files/role-golden-cases';
import { associationValuesSchema } from './associations';
import { ROLE_RECIPE_KINDS, roleRecipeFromValues, roleRecipeInputSchema, valuesOfRoleRecipe } from './role-recipes';

const cases = Object.entries({ ...roleGoldenCases, ...eksRoleGoldenCases });

describe('a role recipe as association values', () => {
  it.each(cases)('%s: keeps its own kind, its account, and comes back as the same recipe', (_name, input) => {
    const role = roleRecipeInputSchema.parse(input);
    const values = associationValuesSchema.parse(valuesOfRoleRecipe(role));
    expect(values).toMatchObject({ kind: role.kind, cloud: 'aws', accountId: role.accountId, profile: role.profile });
    expect(roleRecipeInputSchema.parse(roleRecipeFromValues(values))).toEqual(role);
  });

  it('covers every recipe kind', () => {
    const kinds = new Set(cases.map(([, input]) => input.kind));
    expect([...kinds].sort()).toEqual([...ROLE_RECIPE_KINDS].sort());
  });
});
