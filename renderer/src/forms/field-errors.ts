import type { z } from 'zod';
import { LiaisonError } from '../../../shared/errors';

/** Messages by field name; a field without a message is valid. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** What a failed call means for a form: messages beside its fields, and whatever belongs to no field. */
export interface FormFailure<F extends string> {
  fieldErrors: FieldErrors<F>;
  alert: { message: string; remediation: string | undefined } | undefined;
}

/** The first message for each top-level field of a zod error. */
export function fieldErrorsFromZod<F extends string>(error: z.ZodError, fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (isField(field, fields) && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

/** Validates one value with the same schema the main process uses; undefined when it is valid. */
export function validateValue(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'Invalid value');
}

/**
 * Maps an error from the client onto a form: each issue naming one of the form's fields goes beside
 * that field; anything else (or an error that is not a LiaisonError) becomes an alert.
 */
export function formFailureFrom<F extends string>(error: unknown, fields: readonly F[]): FormFailure<F> {
  if (!(error instanceof LiaisonError)) {
    return {
      fieldErrors: {},
      alert: { message: error instanceof Error ? error.message : 'Something went wrong', remediation: undefined },
    };
  }
  const fieldErrors: FieldErrors<F> = {};
  const unplaced: string[] = [];
  const issues = error.issues?.length
    ? error.issues
    : error.field
      ? [{ field: error.field, message: error.message }]
      : [];
  for (const issue of issues) {
    if (!isField(issue.field, fields)) unplaced.push(issue.message);
    else if (fieldErrors[issue.field] === undefined) fieldErrors[issue.field] = issue.message;
  }
  const placedAll = issues.length > 0 && unplaced.length === 0;
  if (placedAll && !error.remediation) return { fieldErrors, alert: undefined };
  const message = placedAll ? error.message : unplaced.length > 0 ? unplaced.join(' ') : error.message;
  return { fieldErrors, alert: { message, remediation: error.remediation } };
}

function isField<F extends string>(value: unknown, fields: readonly F[]): value is F {
  return typeof value === 'string' && (fields as readonly string[]).includes(value);
}
