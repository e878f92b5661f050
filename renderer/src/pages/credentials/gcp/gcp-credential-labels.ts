import type { AdcSummary, AdcType, GcpCredentialRef, GcpCredentialsListing } from '../../../../../shared/contract/gcp';

export const ADC_TYPE_LABELS: Record<AdcType, string> = {
  authorized_user: 'User credentials',
  service_account: 'Service account key',
  external_account: 'Workload identity federation',
  impersonated_service_account: 'Impersonated service account',
  external_account_authorized_user: 'Workforce identity federation',
  unknown: 'Unknown type',
};

/** A stable string for a credential reference: a React key and a select value. */
export function credentialKey(ref: GcpCredentialRef): string {
  return ref.kind === 'adc' ? 'adc' : `configuration:${ref.name}`;
}

export function credentialFromKey(key: string): GcpCredentialRef | undefined {
  if (key === 'adc') return { kind: 'adc' };
  const name = /^configuration:(.+)$/.exec(key)?.[1];
  return name ? { kind: 'configuration', name } : undefined;
}

export function credentialLabel(ref: GcpCredentialRef): string {
  return ref.kind === 'adc' ? 'Application default credentials' : `Configuration ${ref.name}`;
}

export function adcDescription(adc: AdcSummary): string {
  if (adc.status === 'missing') return 'Not set up';
  if (adc.status === 'unreadable') return `Unusable: ${adc.message}`;
  return ADC_TYPE_LABELS[adc.type];
}

/** Every credential the listing offers, ADC first, with what is known of its principal and project. */
export function credentialOptions(listing: GcpCredentialsListing): {
  ref: GcpCredentialRef;
  label: string;
  detail: string;
  project: string | undefined;
}[] {
  const adc = listing.adc;
  const adcProject = adc.status === 'found' ? (adc.projectId ?? adc.quotaProjectId) : undefined;
  return [
    {
      ref: { kind: 'adc' },
      label: 'Application default credentials',
      detail:
        adc.status === 'found'
          ? [ADC_TYPE_LABELS[adc.type], adc.principal].filter(Boolean).join(', ')
          : adcDescription(adc),
      project: adcProject,
    },
    ...listing.configurations.map((configuration) => ({
      ref: { kind: 'configuration' as const, name: configuration.name },
      label: `Configuration ${configuration.name}${configuration.active ? ' (active)' : ''}`,
      detail: configuration.impersonateServiceAccount ?? configuration.account ?? 'no account',
      project: configuration.project,
    })),
  ];
}
