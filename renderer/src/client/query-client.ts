import { QueryClient } from '@tanstack/react-query';
import { errorCodes, LiaisonError } from '../../../shared/errors';

const MAX_RETRIES = 2;

/**
 * How long a fetch stays fresh for queries several components mount at once (and a launch prefetch,
 * see prefetchStartPage): they share it instead of fetching again; an event still makes it stale at once.
 */
export const SHARED_FETCH_MS = 2_000;

/** Only a transport hiccup is worth retrying: an invalid input or a missing group fails the same way twice. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return !(error instanceof LiaisonError) || error.code === errorCodes.transport;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}
