import { describe, expect, it } from 'vitest';
import { gcloudProperty, parseGcloudProperties } from './gcloud-properties';

describe('gcloud property files', () => {
  it('reads sections, both separators, comments, blank values and continuation lines as configparser does', () => {
    const properties = parseGcloudProperties(
      '\uFEFF# written by gcloud\n[core]\naccount = a@example.com\nProject: my-project-1\n; comment\ndisable_usage_reporting =\n\n[auth]\nimpersonate_service_account = one@p.iam.gserviceaccount.com,\n  two@p.iam.gserviceaccount.com\n[api_endpoint_overrides]\niamcredentials = https://x.example/iam/\r\n',
    );
    expect(gcloudProperty(properties, 'core', 'account')).toBe('a@example.com');
    expect(gcloudProperty(properties, 'core', 'project')).toBe('my-project-1');
    expect(gcloudProperty(properties, 'core', 'disable_usage_reporting')).toBeUndefined();
    expect(gcloudProperty(properties, 'auth', 'impersonate_service_account')).toBe(
      'one@p.iam.gserviceaccount.com,\ntwo@p.iam.gserviceaccount.com',
    );
    expect(gcloudProperty(properties, 'api_endpoint_overrides', 'iamcredentials')).toBe('https://x.example/iam/');
    expect(gcloudProperty(properties, 'missing', 'x')).toBeUndefined();
  });

  it('ignores keys outside any section and lines that are not key/value', () => {
    const properties = parseGcloudProperties('account = stray\n[core]\njust text\n=novalue\naccount = kept\n');
    expect([...properties.keys()]).toEqual(['core']);
    expect([...(properties.get('core')?.entries() ?? [])]).toEqual([['account', 'kept']]);
  });
});
