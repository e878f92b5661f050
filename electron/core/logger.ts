import { pino, type Logger } from 'pino';
import { redactValue } from './redact-value';

/**
 * Every argument of every log call (merging object, message, format arguments, errors) and every
 * child logger's bindings go through `redactValue`: secrets are hidden by key at any depth and by
 * shape inside any string. pino's own `redact` option only reaches the paths it is given.
 */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const logger = pino(
    {
      name: 'liaison',
      level: options.level ?? process.env.LIAISON_LOG_LEVEL ?? 'info',
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map(redactValue) as Parameters<typeof method>);
        },
      },
      formatters: {
        bindings: (bindings) => redactValue(bindings) as Record<string, unknown>,
      },
    },
    options.destination ?? process.stderr,
  );
  // pino resets the bindings formatter for children, so a child's bindings are redacted here; children
  // inherit this method through their prototype, so grandchildren are covered too.
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redactValue(bindings) as typeof bindings, childOptions);
  } as typeof child;
  return logger;
}

export type { Logger };
