import type { Association, AssociationValues } from '../../../../shared/contract/associations';

export type WizardBackend = NonNullable<AssociationValues['backend']>;

/**
 * The backend a workspace already has, read from the generated associations in it (every one of
 * them stores the workspace's shared backend). Undefined when nothing is generated there yet.
 */
export function workspaceBackend(
  associations: readonly Association[],
  workspaceKey: string | undefined,
): { backend: WizardBackend; moduleSource?: AssociationValues['moduleSource']; associations: number } | undefined {
  if (workspaceKey === undefined) return undefined;
  const members = associations
    .filter((each) => each.status === 'generated' && each.workspaceKey === workspaceKey)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const latest = members[0];
  if (!latest) return undefined;
  // Saved before backends existed: the workspace kept local state.
  return {
    backend: latest.values.backend ?? { type: 'local' },
    ...(latest.values.moduleSource ? { moduleSource: latest.values.moduleSource } : {}),
    associations: members.length,
  };
}

/** Whether two backends put the state in the same place (empty optional fields count as absent). */
export function sameBackend(a: WizardBackend, b: WizardBackend): boolean {
  const fields = ['type', 'bucket', 'key', 'region', 'prefix'] as const;
  return fields.every((field) => (a[field] || undefined) === (b[field] || undefined));
}

/** Where a backend keeps the state, in words. */
export function describeBackend(backend: WizardBackend): string {
  switch (backend.type) {
    case 's3':
      return `the S3 bucket ${backend.bucket ?? ''} (key ${backend.key ?? ''}, region ${backend.region ?? ''})`;
    case 'gcs':
      return `the GCS bucket ${backend.bucket ?? ''}${backend.prefix ? ` (prefix ${backend.prefix})` : ''}`;
    case 'local':
      return 'the workspace directory on this computer (local state)';
  }
}

/**
 * Another workspace whose state sits where `backend` points (same bucket and key or prefix), if any:
 * its init would read that state and its apply overwrite it. The core refuses to save it too.
 */
export function stateOwner(
  associations: readonly Association[],
  workspaceKey: string | undefined,
  backend: WizardBackend | undefined,
): string | undefined {
  if (!backend || backend.type === 'local') return undefined;
  const owner = associations.find(
    (each) =>
      each.status === 'generated' &&
      each.workspaceKey !== workspaceKey &&
      each.values.backend?.type === backend.type &&
      (each.values.backend.bucket || undefined) === (backend.bucket || undefined) &&
      (backend.type === 's3'
        ? (each.values.backend.key || undefined) === (backend.key || undefined)
        : (each.values.backend.prefix || undefined) === (backend.prefix || undefined)),
  );
  return owner?.workspaceKey;
}
