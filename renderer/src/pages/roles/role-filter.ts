import type { RoleSummary } from '../../../../shared/contract/roles';
import { FINDING_CODES, type FindingCode } from '../../../../shared/trust-policy/trust-findings';

/** `all`: every role; `any`: roles with any finding; `high`: with a high-severity one; else one finding. */
export type FindingFilter = 'all' | 'any' | 'high' | FindingCode;

export const FINDING_FILTERS: readonly FindingFilter[] = ['all', 'any', 'high', ...FINDING_CODES];

/** A role with what the filter compares, computed once per listing so a keystroke only scans strings. */
export interface IndexedRole {
  role: RoleSummary;
  haystack: string;
  codes: ReadonlySet<FindingCode>;
  high: boolean;
}

export function indexRoles(roles: readonly RoleSummary[]): IndexedRole[] {
  return roles.map((role) => ({
    role,
    haystack: `${role.name}\n${role.path}\n${role.arn}\n${role.description ?? ''}`.toLowerCase(),
    codes: new Set(role.findings.map((finding) => finding.code)),
    high: role.findings.some((finding) => finding.severity === 'high'),
  }));
}

/** The roles whose name, path, ARN or description contains `text` (any case) and that match `finding`. */
export function filterRoles(roles: readonly IndexedRole[], text: string, finding: FindingFilter): RoleSummary[] {
  const needle = text.trim().toLowerCase();
  const out: RoleSummary[] = [];
  for (const each of roles) {
    if (needle !== '' && !each.haystack.includes(needle)) continue;
    if (finding === 'any' && each.codes.size === 0) continue;
    if (finding === 'high' && !each.high) continue;
    if (finding !== 'all' && finding !== 'any' && finding !== 'high' && !each.codes.has(finding)) continue;
    out.push(each.role);
  }
  return out;
}
