import { describe, expect, it } from 'vitest';
import {
  callerHasNoPermission,
  getAccessTokenDenied,
  notFound,
  oauthError,
  serviceDisabled,
  unauthenticated,
  type GoogleErrorResponse,
} from '../../../test-support/fakes/gcp/google-errors';
import { googleErrorToCoreError, type GoogleCallContext } from './google-error';

/** The shape gaxios rejects with: the parsed body on `response.data`, plus the request (with its secrets). */
function gaxiosError(response: GoogleErrorResponse): Error {
  return Object.assign(new Error(`Request failed with status code ${response.status}`), {
    response: { status: response.status, data: response.body },
    config: { url: 'https://example.invalid/', headers: { authorization: 'Bearer ya29.secret-token' } },
  });
}

const adc: GoogleCallContext = { credential: { kind: 'adc' }, action: 'look up project p', adcType: 'authorized_user' };
const config: GoogleCallContext = {
  credential: { kind: 'configuration', name: 'work' },
  account: 'a@example.com',
  action: 'verify',
};

describe('mapping Google errors', () => {
  it('SERVICE_DISABLED names the API, the consumer project, the enable command and the activation URL', () => {
    const error = googleErrorToCoreError(
      gaxiosError(serviceDisabled('iam.googleapis.com', 'Identity and Access Management (IAM) API', '42')),
      adc,
    );
    expect(error.code).toBe('GCP_SERVICE_DISABLED');
    expect(error.message).toBe(
      'The Identity and Access Management (IAM) API (iam.googleapis.com) is not enabled in project 42, so Liaison cannot look up project p.',
    );
    expect(error.remediation).toContain('`gcloud services enable iam.googleapis.com --project=42`');
    expect(error.remediation).toContain(
      'https://console.developers.google.com/apis/api/iam.googleapis.com/overview?project=42',
    );
  });

  it('PERMISSION_DENIED with ErrorInfo names the permission; without it keeps Google’s words', () => {
    const withInfo = googleErrorToCoreError(gaxiosError(getAccessTokenDenied()), {
      ...config,
      field: 'serviceAccount',
      resource: 'sa@p.iam.gserviceaccount.com',
    });
    expect(withInfo.code).toBe('GCP_PERMISSION_DENIED');
    expect(withInfo.message).toBe(
      'a@example.com lacks the permission iam.serviceAccounts.getAccessToken needed to verify.',
    );
    expect(withInfo.field).toBe('serviceAccount');
    expect(withInfo.remediation).toContain('(roles/iam.serviceAccountTokenCreator) on sa@p.iam.gserviceaccount.com');
    const bare = googleErrorToCoreError(gaxiosError(callerHasNoPermission()), adc);
    expect(bare.code).toBe('GCP_PERMISSION_DENIED');
    expect(bare.message).toContain('The caller does not have permission');
  });

  it('NOT_FOUND, UNAUTHENTICATED and token-endpoint errors', () => {
    expect(googleErrorToCoreError(gaxiosError(notFound('Not found; Gaia id not found for email x')), adc).code).toBe(
      'GCP_NOT_FOUND',
    );
    const unauth = googleErrorToCoreError(gaxiosError(unauthenticated()), config);
    expect(unauth.code).toBe('GCP_REAUTH_REQUIRED');
    expect(unauth.remediation).toBe(
      'Run `gcloud auth login a@example.com` (for configuration work), then Verify again.',
    );
    const revoked = googleErrorToCoreError(
      gaxiosError(oauthError('invalid_grant', 'Token has been expired or revoked.')),
      adc,
    );
    expect(revoked.code).toBe('GCP_REAUTH_REQUIRED');
    expect(revoked.remediation).toBe('Run `gcloud auth application-default login`, then Verify again.');
    const rapt = googleErrorToCoreError(
      gaxiosError({
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'reauth related error (invalid_rapt)',
          error_subtype: 'invalid_rapt',
        },
      }),
      adc,
    );
    expect(rapt.code).toBe('GCP_REAUTH_REQUIRED');
    const key = googleErrorToCoreError(gaxiosError(oauthError('invalid_grant', 'Invalid JWT Signature.')), {
      ...adc,
      adcType: 'service_account',
    });
    expect(key.code).toBe('GCP_CREDENTIALS_INVALID');
    expect(key.remediation).toMatch(/create a new key/);
    const sts = googleErrorToCoreError(
      gaxiosError(
        oauthError('invalid_target', 'The target service indicated by the "audience" parameters is invalid.'),
      ),
      { ...adc, adcType: 'external_account' },
    );
    expect(sts.message).toContain('security token service refused');
  });

  it('never carries the request (headers, tokens) into the error it returns', () => {
    const mapped = googleErrorToCoreError(gaxiosError({ status: 500, body: 'upstream <html> ya29.secret-token' }), adc);
    expect(mapped.code).toBe('GCP_REQUEST_FAILED');
    expect(JSON.stringify({ ...mapped.toApiError(), cause: mapped.cause })).not.toContain('ya29.secret-token');
    const plain = googleErrorToCoreError(new Error('boom with ya29.abc.def and 1//refresh-xyz'), adc);
    expect(plain.message).not.toMatch(/ya29\.abc|1\/\/refresh/);
  });
});
