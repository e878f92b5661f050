import { join } from 'node:path';
import { isMethodName, methods, type MethodName } from '../../shared/api';
import { apiErrorFromZod, errorCodes, type ApiError, type CallResult } from '../../shared/errors';
import { DATABASE_FILE, type Core } from './core';
import { CoreError } from './core-error';
import { redactText } from './redact-value';
import { storeCorruptionFrom } from './store/database';

/**
 * The single entry both transports use: checks the method exists, validates the input against the
 * contract before the core sees it, and turns every failure into a typed value (never a stack).
 */
export async function dispatchCall(core: Core, method: unknown, rawInput: unknown): Promise<CallResult<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: errorCodes.unknownMethod, message: `Unknown method: ${String(method).slice(0, 100)}` },
    };
  }
  const parsed = methods[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: redactApiError(apiErrorFromZod(parsed.error)) };
  try {
    const handler = core.handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    // Parsing the output strips anything the contract does not declare.
    return { ok: true, value: methods[method].output.parse(value) };
  } catch (error) {
    if (error instanceof CoreError) return { ok: false, error: redactApiError(error.toApiError()) };
    const corruption = storeCorruptionFrom(error, join(core.dataDir, DATABASE_FILE));
    if (corruption) {
      core.logger.error({ err: error, method }, 'the store is damaged');
      return { ok: false, error: redactApiError(corruption.toApiError()) };
    }
    core.logger.error({ err: error, method }, 'call failed unexpectedly');
    return {
      ok: false,
      error: {
        code: errorCodes.internal,
        message: redactText(
          `Liaison could not complete ${method as MethodName}: ${error instanceof Error ? error.message : 'unknown error'}`,
        ),
        remediation: 'Try again; if it keeps failing, the log in the terminal has the details.',
      },
    };
  }
}

/** Every error that crosses the contract: its texts carry no secret, whatever produced them. */
export function redactApiError(error: ApiError): ApiError {
  return {
    ...error,
    message: redactText(error.message),
    ...(error.remediation === undefined ? {} : { remediation: redactText(error.remediation) }),
    ...(error.issues === undefined
      ? {}
      : { issues: error.issues.map((issue) => ({ ...issue, message: redactText(issue.message) })) }),
  };
}
