import { z } from 'zod';

/** Every failure crosses the process boundary as this value: never a stack trace. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  remediation: z.string().optional(),
  /** Every field-level problem, when the input had more than one. */
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const errorCodes = {
  invalidInput: 'INVALID_INPUT',
  unknownMethod: 'UNKNOWN_METHOD',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  unauthorized: 'UNAUTHORIZED',
  storeCorrupt: 'STORE_CORRUPT',
  storeNewerVersion: 'STORE_NEWER_VERSION',
  transport: 'TRANSPORT',
  internal: 'INTERNAL',
} as const;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The error a client throws for a failed call; carries the typed value for the UI. */
export class LiaisonError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly remediation: string | undefined;
  readonly issues: ApiError['issues'];

  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'LiaisonError';
    this.code = error.code;
    this.field = error.field;
    this.remediation = error.remediation;
    this.issues = error.issues;
  }
}

/** Turns zod's issues into the field-level error the UI shows beside the input. */
export function apiErrorFromZod(error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const first = issues[0] ?? { field: '(input)', message: 'Invalid input' };
  return {
    code: errorCodes.invalidInput,
    message: first.message,
    field: first.field,
    issues,
  };
}
