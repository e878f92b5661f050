import { describe, expect, it } from 'vitest';
import { CoreError } from '../core-error';
import { applyEndpointOverride, resolveGoogleEndpoints } from './google-endpoints';

describe('Google endpoint overrides', () => {
  it("defaults to Google's hosts", () => {
    expect(resolveGoogleEndpoints({})).toEqual({
      oauthToken: 'https://oauth2.googleapis.com/token',
      tokenInfo: 'https://oauth2.googleapis.com/tokeninfo',
      iam: 'https://iam.googleapis.com',
      iamCredentials: 'https://iamcredentials.googleapis.com',
      cloudResourceManager: 'https://cloudresourcemanager.googleapis.com',
      sts: 'https://sts.googleapis.com',
    });
  });

  it("takes gcloud's variables, with or without a trailing slash, and rewrites Google URLs in credential files", () => {
    const endpoints = resolveGoogleEndpoints({
      CLOUDSDK_AUTH_TOKEN_HOST: 'https://oauth2-psc.p.googleapis.com/token',
      CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS: 'https://iamcredentials-psc.p.googleapis.com/',
      CLOUDSDK_API_ENDPOINT_OVERRIDES_STS: 'http://127.0.0.1:8080/sts',
    });
    expect(endpoints.tokenInfo).toBe('https://oauth2-psc.p.googleapis.com/tokeninfo');
    expect(endpoints.iamCredentials).toBe('https://iamcredentials-psc.p.googleapis.com');
    expect(applyEndpointOverride('https://sts.googleapis.com/v1/token', endpoints)).toBe(
      'http://127.0.0.1:8080/sts/v1/token',
    );
    expect(
      applyEndpointOverride(
        'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/a:generateAccessToken',
        endpoints,
      ),
    ).toBe('https://iamcredentials-psc.p.googleapis.com/v1/projects/-/serviceAccounts/a:generateAccessToken');
    expect(applyEndpointOverride('https://oauth2.googleapis.com/token', endpoints)).toBe(
      'https://oauth2-psc.p.googleapis.com/token',
    );
    expect(applyEndpointOverride('https://sts.example.com/v1/token', endpoints)).toBe(
      'https://sts.example.com/v1/token',
    );
  });

  it.each([
    ['CLOUDSDK_AUTH_TOKEN_HOST', 'not a url'],
    ['CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER', 'http://crm.example.com/'],
    ['CLOUDSDK_API_ENDPOINT_OVERRIDES_STS', 'https://user:pw@sts.example.com/'],
    ['CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM', 'ftp://127.0.0.1/'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => resolveGoogleEndpoints({ [name]: value })).toThrow(CoreError);
    expect(() => resolveGoogleEndpoints({ [name]: value })).toThrow(name);
  });
});
