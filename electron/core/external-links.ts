import { errorCodes } from '../../shared/errors';
import { CoreError } from './core-error';

/** Hosts the app may send the operator to: vendor docs and consoles, nothing user-supplied. */
const ALLOWED_HOSTS = [
  'docs.aws.amazon.com',
  'console.aws.amazon.com',
  'cloud.google.com',
  'console.cloud.google.com',
  'developer.hashicorp.com',
  'registry.terraform.io',
  'edu.chainguard.dev',
  'github.com',
];

export function assertAllowedExternalUrl(raw: string): string {
  const url = new URL(raw);
  const allowed =
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    ALLOWED_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
  if (!allowed) {
    throw new CoreError({
      code: errorCodes.forbidden,
      field: 'url',
      message: `Liaison does not open links to ${url.hostname || raw}`,
    });
  }
  return url.toString();
}
