import { z } from 'zod';

/** The platform environment Liaison assumes unless told otherwise; its issuer is https://issuer.enforce.dev. */
export const DEFAULT_ENVIRONMENT = 'enforce.dev';

// "issuer." is prefixed to make the issuer host, which must still fit DNS's 253 characters.
const ENVIRONMENT_MAX = 253 - 'issuer.'.length;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why `environment` is not a usable issuer domain (a lowercase DNS name with a dot), or undefined. */
export function environmentProblem(environment: string): string | undefined {
  if (environment === '') return 'Environment is required (e.g. enforce.dev)';
  if (environment !== environment.toLowerCase()) return 'Use lowercase letters in the environment';
  if (environment.length > ENVIRONMENT_MAX) return `Environment must be at most ${ENVIRONMENT_MAX} characters`;
  const labels = environment.split('.');
  if (labels.length < 2) return 'Environment is a domain name with at least one dot, such as enforce.dev';
  if (!labels.every((label) => LABEL.test(label))) {
    return 'Environment must be a host name: letters, digits and hyphens between dots, no leading or trailing hyphen (e.g. enforce.dev)';
  }
  return undefined;
}

/** Exact, no trimming: generation refuses what it would otherwise have to change. */
export const environmentSchema = z.string({ error: 'Environment is required' }).superRefine((environment, ctx) => {
  const problem = environmentProblem(environment);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export function issuerUrl(environment: string): string {
  return `https://issuer.${environment}`;
}
