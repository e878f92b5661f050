/** A Google IAM policy as getIamPolicy returns it. */
export interface GoogleIamPolicy {
  bindings?: { role?: string; members?: string[]; condition?: { expression?: string; title?: string } }[];
}

const WORKLOAD_IDENTITY_USER = 'roles/iam.workloadIdentityUser';

/**
 * Whether `policy` lets the pool identity whose mapped `attribute.sub` (and `google.subject`) is
 * `subject` use the service account: the module's principalSet for that sub, the principal for that
 * subject, or the whole pool. A conditional binding is not counted: Liaison does not evaluate CEL.
 */
export function grantsWorkloadIdentityUser(
  policy: GoogleIamPolicy,
  poolName: string,
  subject: string,
): { granted: boolean; conditional: boolean } {
  const pool = `//iam.googleapis.com/${poolName}`;
  const covering = new Set([
    `principalSet:${pool}/attribute.sub/${subject}`,
    `principal:${pool}/subject/${subject}`,
    `principalSet:${pool}/*`,
  ]);
  let conditional = false;
  for (const binding of policy.bindings ?? []) {
    if (binding.role !== WORKLOAD_IDENTITY_USER) continue;
    if (!(binding.members ?? []).some((member) => covering.has(member))) continue;
    if (binding.condition) {
      conditional = true;
      continue;
    }
    return { granted: true, conditional: false };
  }
  return { granted: false, conditional };
}

/** The roles `member` holds unconditionally in `policy`. */
export function rolesOf(policy: GoogleIamPolicy, member: string): Set<string> {
  const roles = new Set<string>();
  for (const binding of policy.bindings ?? []) {
    if (binding.role && !binding.condition && (binding.members ?? []).includes(member)) roles.add(binding.role);
  }
  return roles;
}
