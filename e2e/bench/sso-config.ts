import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A large SSO setup like the ones that slowed other tools down: one sso-session and `count` profiles
 * of 7 lines each (5,000 profiles → 35,000 lines), written as `aws configure sso` writes them.
 */
export function writeLargeSsoConfig(
  home: string,
  count = 5_000,
): { configFile: string; credentialsFile: string; lines: number } {
  const awsDir = join(home, '.aws');
  mkdirSync(awsDir, { recursive: true });
  const roles = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'Billing', 'SecurityAudit'];
  const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
  const lines: string[] = [
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = us-east-1',
    'sso_registration_scopes = sso:account:access',
    '',
  ];
  for (let index = 0; index < count; index += 1) {
    const account = String(100_000_000_000 + index * 7919).padStart(12, '0');
    const role = roles[index % roles.length] ?? 'ReadOnlyAccess';
    lines.push(
      `[profile acct-${index}-${role}]`,
      'sso_session = corp',
      `sso_account_id = ${account}`,
      `sso_role_name = ${role}`,
      `region = ${regions[index % regions.length] ?? 'us-east-1'}`,
      'output = json',
      '',
    );
  }
  const configFile = join(awsDir, 'config');
  const credentialsFile = join(awsDir, 'credentials');
  writeFileSync(configFile, lines.join('\n'));
  writeFileSync(credentialsFile, '');
  return { configFile, credentialsFile, lines: lines.length };
}
