import { z } from 'zod';

/*
 * Kubernetes object names (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/):
 * a namespace is an RFC 1123 label, a service account an RFC 1123 subdomain. Both end up verbatim
 * in an IAM condition (`system:serviceaccount:<namespace>:<name>`), so anything else is refused.
 */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_LABEL = 63;
const MAX_SUBDOMAIN = 253;

export const kubernetesNamespaceSchema = z
  .string({ error: 'Namespace is required' })
  .trim()
  .min(1, 'Namespace is required')
  .max(MAX_LABEL, `A namespace is at most ${MAX_LABEL} characters`)
  .regex(LABEL, 'A namespace is lower-case letters, digits and "-", starting and ending with a letter or digit');

export const kubernetesServiceAccountSchema = z
  .string({ error: 'Service account is required' })
  .trim()
  .min(1, 'Service account is required')
  .max(MAX_SUBDOMAIN, `A service account name is at most ${MAX_SUBDOMAIN} characters`)
  .refine(
    (name) => name.split('.').every((label) => label.length <= MAX_LABEL && LABEL.test(label)),
    'A service account name is lower-case letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit',
  );

/** The subject a projected service-account token carries (`sub`). */
export function serviceAccountSubject(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}
