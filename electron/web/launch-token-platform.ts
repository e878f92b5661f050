import { createHash, timingSafeEqual } from 'node:crypto';
import { webPlatform, type HostPlatform } from '../core/platform';

/**
 * The web host's platform: a program set through the API is confirmed by re-entering the launch token,
 * which the page never holds (it is traded for an HttpOnly cookie and dropped from the address), so a
 * script in the page or a stolen session cannot confirm one.
 */
export function launchTokenPlatform(launchToken: string): HostPlatform {
  const expected = digest(launchToken);
  return {
    ...webPlatform,
    confirmProgram: (_program, proof) => {
      const given = proof.launchToken?.trim();
      if (!given) return Promise.resolve('launch-token-needed');
      // Equal-length digests compared in constant time: neither the token nor its length leaks.
      return Promise.resolve(timingSafeEqual(digest(given), expected) ? 'confirmed' : 'launch-token-wrong');
    },
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
