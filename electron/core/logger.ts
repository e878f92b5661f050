import { pino, type Logger } from 'pino';

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  '*.aws_access_key_id',
  '*.aws_secret_access_key',
  '*.aws_session_token',
  '*.accessKeyId',
  '*.secretAccessKey',
  '*.sessionToken',
  '*.access_token',
  '*.refresh_token',
  '*.client_secret',
  '*.private_key',
  '*.token',
  '*.password',
  'req.headers.cookie',
  'req.query.token',
  'res.headers["set-cookie"]',
];

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      name: 'liaison',
      level: options.level ?? process.env.LIAISON_LOG_LEVEL ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination ?? process.stderr,
  );
}

export type { Logger };
