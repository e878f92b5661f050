import { formFailureFrom, type FormFailure } from '../../../forms/field-errors';

/**
 * A failed GCP call as a form failure, without saying the same thing twice: when Google's answer is
 * already shown beside the field, the alert carries only what to do about it.
 */
export function gcpFormFailure<F extends string>(error: unknown, fields: readonly F[]): FormFailure<F> {
  const failure = formFailureFrom(error, fields);
  const { alert } = failure;
  if (!alert || !Object.values(failure.fieldErrors).includes(alert.message)) return failure;
  return { ...failure, alert: alert.remediation ? { message: alert.remediation, remediation: undefined } : undefined };
}
