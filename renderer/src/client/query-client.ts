import { QueryClient } from '@tanstack/react-query';
import { errorCodes, LiaisonError } from '../../../shared/errors';

const MAX_RETRIES = 2;

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
