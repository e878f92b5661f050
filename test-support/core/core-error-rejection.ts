import { CoreError } from '../../electron/core/core-error';

/** The CoreError a promise rejects with; anything else it rejects with is rethrown, and fulfilling fails. */
export async function coreErrorOf(promise: Promise<unknown>): Promise<CoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}
