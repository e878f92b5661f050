import type { AwsProfile, AwsProfileKind } from '../../../../../shared/contract/aws';

/** What each kind is called on screen (and what type-to-filter matches). */
export const kindLabels: Record<AwsProfileKind | 'credential-source', string> = {
  static: 'Static keys',
  sso: 'SSO',
  'sso-legacy': 'SSO (legacy)',
  role: 'Role',
  process: 'Process',
  'web-identity': 'Web identity',
  login: 'Console login',
  none: 'No credentials',
  'credential-source': 'Credential source',
};

/** The chips that narrow the table; a profile matches a chip by kind, or by MFA / warnings. */
export const typeFilters = [
  { id: 'static', label: 'Static keys', matches: (p: AwsProfile) => p.kind === 'static' },
  { id: 'sso', label: 'SSO', matches: (p: AwsProfile) => p.kind === 'sso' || p.kind === 'sso-legacy' },
  { id: 'role', label: 'Role', matches: (p: AwsProfile) => p.kind === 'role' },
  { id: 'process', label: 'Process', matches: (p: AwsProfile) => p.kind === 'process' },
  { id: 'web-identity', label: 'Web identity', matches: (p: AwsProfile) => p.kind === 'web-identity' },
  { id: 'mfa', label: 'MFA', matches: (p: AwsProfile) => p.mfaSerial !== undefined },
  { id: 'warnings', label: 'Warnings', matches: (p: AwsProfile) => p.warnings.length > 0 },
] as const;

export type TypeFilterId = (typeof typeFilters)[number]['id'];

/** One line on where a profile's credentials come from: its chain, session or source. */
export function describeSource(profile: AwsProfile): string {
  const parts: string[] = [];
  if (profile.sourceChain.length > 0) parts.push(`via ${profile.sourceChain.join(' → ')}`);
  if (profile.credentialSource) parts.push(`from ${profile.credentialSource}`);
  if (profile.ssoSession) parts.push(`session ${profile.ssoSession}`);
  else if (profile.ssoStartUrl) parts.push(profile.ssoStartUrl);
  return parts.join(' · ');
}
