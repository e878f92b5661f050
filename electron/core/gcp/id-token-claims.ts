/**
 * The email in an ID token that came straight from Google's token endpoint over TLS: per OpenID
 * Connect Core §3.1.3.7 the TLS channel stands in for the signature check. Used only to name the
 * signed-in user, never to authorize anything.
 */
export function principalFromIdToken(idToken: string | null | undefined): string | undefined {
  if (!idToken) return undefined;
  const payload = idToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { email?: unknown };
    return typeof claims.email === 'string' && claims.email.includes('@') ? claims.email : undefined;
  } catch {
    return undefined;
  }
}
