import { describe, expect, it } from 'vitest';
import { ASSOCIATION_KIND_RECORDS, associationKindRecord } from './association-kinds';
import { ASSOCIATION_KINDS, ROLE_RECIPE_KINDS } from './role-recipe-values';

describe('association kind records', () => {
  it('has one record per association kind, under its own kind, each with its own label', () => {
    expect(Object.keys(ASSOCIATION_KIND_RECORDS)).toEqual([...ASSOCIATION_KINDS]);
    for (const kind of ASSOCIATION_KINDS) expect(ASSOCIATION_KIND_RECORDS[kind].kind).toBe(kind);
    const labels = Object.values(ASSOCIATION_KIND_RECORDS).map((record) => record.label);
    expect(new Set(labels).size).toBe(ASSOCIATION_KINDS.length);
  });

  it('reads values without a kind (rows from before recipes) as the platform association', () => {
    expect(associationKindRecord({})).toBe(ASSOCIATION_KIND_RECORDS.platform);
    expect(associationKindRecord({ kind: undefined })).toBe(ASSOCIATION_KIND_RECORDS.platform);
    for (const kind of ROLE_RECIPE_KINDS) expect(associationKindRecord({ kind })).toBe(ASSOCIATION_KIND_RECORDS[kind]);
  });

  it('gives the platform association a group and a shared workspace, and a role recipe neither', () => {
    expect(ASSOCIATION_KIND_RECORDS.platform).toMatchObject({ grouped: true, sharesWorkspace: true });
    for (const kind of ROLE_RECIPE_KINDS) {
      expect(ASSOCIATION_KIND_RECORDS[kind]).toMatchObject({ grouped: false, sharesWorkspace: false });
    }
  });

  it('names a platform association by its group, and a role recipe by its kind and role', () => {
    const names = { groupName: 'Payments', roleName: 'VendorAudit' };
    expect(ASSOCIATION_KIND_RECORDS.platform.title(names)).toBe('Payments');
    expect(ASSOCIATION_KIND_RECORDS['third-party-role'].title(names)).toBe('Third-party role VendorAudit');
    expect(ASSOCIATION_KIND_RECORDS['eks-service-account-role'].title(names)).toBe(
      'EKS service-account role VendorAudit',
    );
  });
});
