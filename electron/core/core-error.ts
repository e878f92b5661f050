import type { ApiError } from '../../shared/errors';

/** A failure the core expects and can explain: becomes an ApiError at the boundary. */
export class CoreError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly remediation: string | undefined;

  constructor(error: ApiError, options?: { cause?: unknown }) {
    super(error.message, options);
    this.name = 'CoreError';
    this.code = error.code;
    this.field = error.field;
    this.remediation = error.remediation;
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.remediation === undefined ? {} : { remediation: this.remediation }),
    };
  }
}
