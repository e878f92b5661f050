import type { MethodOutput } from '../../../shared/api';
import { errorCodes } from '../../../shared/errors';
import { issuerUrl } from '../../../shared/terraform/platform-environment';
import { CoreError } from '../core-error';
import { runTokenCommand, type StoredTokenCommand } from './token-command';

/** The audience a test asks for: the AWS one, which every association's live check on AWS uses. */
const TEST_AUDIENCE = 'amazon';

/**
 * Runs a saved token command once, exactly as a live check would (confirmed only, argument list or
 * the shell the operator chose, minimal environment, timeout), and reports whose token it printed.
 * The token itself is dropped here: only its issuer, subject and audience leave.
 */
export async function testTokenCommand(
  stored: StoredTokenCommand | undefined,
  environment: string,
  env: NodeJS.ProcessEnv,
): Promise<MethodOutput<'testTokenCommand'>> {
  if (!stored) {
    throw new CoreError({
      code: errorCodes.notFound,
      field: 'environment',
      message: `There is no token command for ${environment}`,
      remediation: 'Save one first, then test it.',
    });
  }
  const { claims } = await runTokenCommand(stored, TEST_AUDIENCE, env);
  const tokenAudience = Array.isArray(claims.aud) ? claims.aud : claims.aud ? [claims.aud] : [];
  return {
    audience: TEST_AUDIENCE,
    ...(claims.iss ? { issuer: claims.iss } : {}),
    ...(claims.sub ? { subject: claims.sub } : {}),
    tokenAudience,
    issuerMatches: claims.iss === issuerUrl(environment),
  };
}
