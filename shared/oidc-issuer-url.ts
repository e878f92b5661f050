import { z } from 'zod';

/* An EKS cluster's OIDC issuer as IAM names it: `https://oidc.eks.<region>.amazonaws.com/id/<ID>`. */

/** What IAM keeps of an issuer (host and path) may hold only these: anything else cannot be in a condition key. */
const HOST_PATH = /^[a-z0-9.-]+(\/[A-Za-z0-9._~-]+)*$/;

/**
 * Normalises a typed issuer URL: surrounding space and trailing slashes dropped, the host lower-cased
 * (by the URL parser). Undefined when it is not a plain https URL.
 */
export function normaliseIssuerUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port || url.search || url.hash) return undefined;
  const hostPath = `${url.host}${url.pathname}`.replace(/\/+$/, '');
  return HOST_PATH.test(hostPath) ? `https://${hostPath}` : undefined;
}

export const oidcIssuerUrlSchema = z
  .string({ error: 'Issuer URL is required' })
  .trim()
  .min(1, 'Issuer URL is required')
  .refine(
    (text) => normaliseIssuerUrl(text) !== undefined,
    'An issuer is an https URL without port, query or fragment, such as https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE',
  )
  .transform((text) => normaliseIssuerUrl(text) ?? text);

/** The issuer without its scheme: IAM's name for the provider and the prefix of its condition keys (`<host-path>:sub`). */
export function issuerHostPath(issuerUrl: string): string {
  return issuerUrl.replace(/^https:\/\//, '');
}

export function oidcProviderArn(accountId: string, issuerUrl: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${issuerHostPath(issuerUrl)}`;
}
