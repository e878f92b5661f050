import { z } from 'zod';
import {
  gcloudConfigurationNameSchema,
  gcpProjectIdSchema,
  gcpProjectNumberSchema,
  serviceAccountEmailSchema,
} from '../gcp-validation';

/** Which local Google credential a call uses: application default credentials or a gcloud configuration. */
export const gcpCredentialRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('adc') }),
  z.object({ kind: z.literal('configuration'), name: gcloudConfigurationNameSchema }),
]);
export type GcpCredentialRef = z.infer<typeof gcpCredentialRefSchema>;

export const adcTypeSchema = z.enum([
  'authorized_user',
  'service_account',
  'external_account',
  'impersonated_service_account',
  'external_account_authorized_user',
  'unknown',
]);
export type AdcType = z.infer<typeof adcTypeSchema>;

export const gcloudConfigurationSchema = z.object({
  name: z.string(),
  active: z.boolean(),
  account: z.string().optional(),
  project: z.string().optional(),
  impersonateServiceAccount: z.string().optional(),
});
export type GcloudConfiguration = z.infer<typeof gcloudConfigurationSchema>;

const adcLocation = {
  path: z.string(),
  /** `env`: GOOGLE_APPLICATION_CREDENTIALS; `well-known`: the file `gcloud auth application-default login` writes. */
  source: z.enum(['env', 'well-known']),
};

/** What the ADC file says about itself; never a key, token or secret. */
export const adcSummarySchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    ...adcLocation,
    type: adcTypeSchema,
    /** The email the file names (service account, impersonation target), when it names one. */
    principal: z.string().optional(),
    projectId: z.string().optional(),
    quotaProjectId: z.string().optional(),
    /** external_account: the workload identity provider it federates through. */
    audience: z.string().optional(),
    /** impersonated_service_account: the type of the credentials that do the impersonating. */
    sourceType: z.string().optional(),
  }),
  z.object({ status: z.literal('missing'), ...adcLocation }),
  z.object({ status: z.literal('unreadable'), ...adcLocation, message: z.string() }),
]);
export type AdcSummary = z.infer<typeof adcSummarySchema>;

export const gcpCredentialsListingSchema = z.object({
  /** `$CLOUDSDK_CONFIG`, or gcloud's default directory. */
  configDir: z.string(),
  configDirFound: z.boolean(),
  activeConfiguration: z.string().optional(),
  configurations: z.array(gcloudConfigurationSchema),
  adc: adcSummarySchema,
  gcloud: z.object({ installed: z.boolean(), path: z.string().optional() }),
});
export type GcpCredentialsListing = z.infer<typeof gcpCredentialsListingSchema>;

export const gcpPrincipalKindSchema = z.enum(['user', 'serviceAccount', 'workloadIdentity', 'unknown']);

export const gcpIdentitySchema = z.object({
  credential: gcpCredentialRefSchema,
  /** For ADC, the file's type; for a configuration, `gcloud`. */
  credentialType: z.union([adcTypeSchema, z.literal('gcloud')]),
  /** The email (or federated principal) that Google saw. */
  principal: z.string(),
  principalKind: gcpPrincipalKindSchema,
  /** Who does the impersonating when the principal is an impersonated service account. */
  impersonatedBy: z.string().optional(),
  project: z.string().optional(),
  verifiedAt: z.iso.datetime(),
});
export type GcpIdentity = z.infer<typeof gcpIdentitySchema>;

export const gcpProjectSchema = z.object({
  projectId: z.string(),
  projectNumber: gcpProjectNumberSchema,
  name: z.string(),
  state: z.string(),
});
export type GcpProject = z.infer<typeof gcpProjectSchema>;

export const gcpImpersonationResultSchema = z.object({
  serviceAccount: z.string(),
  /** When the short-lived token Google issued would expire (the token itself stays in the main process). */
  expiresAt: z.iso.datetime().optional(),
});
export type GcpImpersonationResult = z.infer<typeof gcpImpersonationResultSchema>;

/** Error codes the GCP calls add to the shared ones; the message and remediation say what to do. */
export const gcpErrorCodes = {
  gcloudNotInstalled: 'GCLOUD_NOT_INSTALLED',
  gcloudFailed: 'GCLOUD_FAILED',
  noCredentials: 'GCP_NO_CREDENTIALS',
  credentialsInvalid: 'GCP_CREDENTIALS_INVALID',
  reauthRequired: 'GCP_REAUTH_REQUIRED',
  serviceDisabled: 'GCP_SERVICE_DISABLED',
  permissionDenied: 'GCP_PERMISSION_DENIED',
  notFound: 'GCP_NOT_FOUND',
  unreachable: 'GCP_UNREACHABLE',
  endpointInvalid: 'GCP_ENDPOINT_INVALID',
  requestFailed: 'GCP_REQUEST_FAILED',
} as const;

export const gcpMethods = {
  /** gcloud configurations and application default credentials, read from disk: no network call. */
  listGcpCredentials: { input: z.object({}), output: gcpCredentialsListingSchema },
  /** Obtains a token with the credential and says whose it is. */
  verifyGcpCredential: { input: z.object({ credential: gcpCredentialRefSchema }), output: gcpIdentitySchema },
  /** Cloud Resource Manager projects.get: the project's number, name and state. */
  lookupGcpProject: {
    input: z.object({ credential: gcpCredentialRefSchema, projectId: gcpProjectIdSchema }),
    output: gcpProjectSchema,
  },
  /** Whether the credential's principal can impersonate the service account (generateAccessToken). */
  checkGcpImpersonation: {
    input: z.object({ credential: gcpCredentialRefSchema, serviceAccount: serviceAccountEmailSchema }),
    output: gcpImpersonationResultSchema,
  },
};

export const gcpEvents = {};
