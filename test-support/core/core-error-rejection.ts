import { CoreError } from '../../electron/core/core-error';

/** The CoreError a promise rejects with (fails the test when it resolves or throws something else). */
export async function coreErrorOf(promise: Promise<unknown>): Promise<CoreError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a CoreError, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof CoreError)) throw outcome.error;
  return outcome.error;
}
