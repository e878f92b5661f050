/*
 * The kinds of finding the role inspector reports, apart from the logic that finds them: the
 * contract (and so the first route's JavaScript) needs only these names.
 */
export const FINDING_CODES = [
  'wildcard-principal',
  'no-external-id',
  'sub-string-like',
  'oidc-without-aud',
  'oidc-without-sub',
  'unexpected-aud',
  'wildcard-action',
  'wildcard-resource',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
