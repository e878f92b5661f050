import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from './core-error';
import { dispatchCall } from './dispatch';
import { createLogger } from './logger';
import { createTestCore } from '../../test-support/core/test-core';

/** Runs per property; the note reports this figure. */
const RUNS = 400;

const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const BASE64 = `${UPPER}${LOWER}${DIGITS}+/`;
const BASE64URL = `${UPPER}${LOWER}${DIGITS}-_`;

/** Secrets recognisable by their shape alone, as AWS, STS, OIDC and Google issue them. */
const shapedSecret = fc.oneof(
  fc.tuple(fc.constantFrom('AKIA', 'ASIA'), chars(`${UPPER}${DIGITS}`, 16, 16)).map(([prefix, rest]) => prefix + rest),
  // A secret access key: 40 base64 characters, mixed case as AWS issues them.
  fc
    .tuple(chars(UPPER, 1, 1), chars(LOWER, 1, 1), chars(BASE64, 38, 38))
    .map(([upper, lower, rest]) => `${rest.slice(0, 19)}${upper}${rest.slice(19)}${lower}`),
  fc
    .tuple(fc.constantFrom('IQoJb3JpZ2luX2Vj', 'FwoGZXIvYXdzE'), chars(BASE64, 120, 400))
    .map(([prefix, rest]) => prefix + rest),
  fc
    .tuple(chars(BASE64URL, 10, 60), chars(BASE64URL, 10, 200), chars(BASE64URL, 20, 90))
    .map(([header, payload, signature]) => `eyJ${header}.${payload}.${signature}`),
  chars(`${BASE64URL}.`, 30, 200).map((rest) => `ya29.${rest}`),
);

/** Secrets that look like nothing in particular; only the key that holds them gives them away. */
const keyedSecret = chars(`${UPPER}${LOWER}${DIGITS}!#%&*+.:;<>?@^_~ -`, 12, 40);
const SECRET_KEYS = [
  'secretAccessKey',
  'SecretAccessKey',
  'aws_secret_access_key',
  'sessionToken',
  'SessionToken',
  'token',
  'accessToken',
  'access_token',
  'idToken',
  'id_token',
  'refreshToken',
  'refresh_token',
  'password',
  'Authorization',
  'authorization',
  'cookie',
  'set-cookie',
  'clientSecret',
  'client_secret',
  'privateKey',
  'private_key',
  'apiKey',
  'x-api-key',
  'mfaCode',
];

const SEPARATORS = [' ', '\n', '\t', '"', "'", ',', ';', '(', ')', ': ', ' = ', '<', '>', '|'];
const surroundingText = fc.string({ maxLength: 30 });
/** A shaped secret inside some text, delimited as it would be in a message or a command's output. */
const textWithSecret = (secret: string) =>
  fc
    .tuple(surroundingText, fc.constantFrom(...SEPARATORS), fc.constantFrom(...SEPARATORS), surroundingText)
    .map(([before, open, close, after]) => `${before}${open}${secret}${close}${after}`);

type Planted = { secret: string; value: unknown };

/** The innermost holder of a secret: a secret-named key, a string that holds one, an error's message. */
const leaf: fc.Arbitrary<Planted> = fc.oneof(
  fc.tuple(fc.constantFrom(...SECRET_KEYS), keyedSecret).map(([key, secret]) => ({ secret, value: { [key]: secret } })),
  shapedSecret.chain((secret) => textWithSecret(secret).map((value) => ({ secret, value }))),
  shapedSecret.chain((secret) => textWithSecret(secret).map((text) => ({ secret, value: new Error(text) }))),
);

const siblings = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
type Step = (inner: unknown) => fc.Arbitrary<unknown>;
const steps: Step[] = [
  (inner) => fc.tuple(siblings, fc.string({ maxLength: 10 })).map(([rest, key]) => ({ ...rest, [key]: inner })),
  (inner) =>
    fc
      .tuple(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.nat(3))
      .map(([items, at]) => [...items.slice(0, at), inner, ...items.slice(at)]),
  (inner) => fc.string({ maxLength: 10 }).map((message) => new Error(message, { cause: inner })),
  (inner) =>
    fc
      .constantFrom('details', 'response', '$metadata', 'errors')
      .map((prop) => Object.assign(new Error('x'), { [prop]: inner })),
  (inner) => fc.constant(new Map([['entry', inner]])),
];

/** A secret planted anywhere, up to eight levels deep, among other values. */
const planted: fc.Arbitrary<Planted> = fc
  .tuple(leaf, fc.array(fc.nat(steps.length - 1), { maxLength: 8 }))
  .chain(([start, path]) =>
    path.reduce<fc.Arbitrary<Planted>>(
      (arbitrary, step) =>
        arbitrary.chain(({ secret, value }) => steps[step]!(value).map((wrapped) => ({ secret, value: wrapped }))),
      fc.constant(start),
    ),
  );

/** The secret, or any 12 characters of it (AWS key ids keep their 4-letter prefix, which is not secret). */
function leaks(output: string, secret: string): string | undefined {
  const window = Math.min(12, secret.length);
  for (let at = 0; at + window <= secret.length; at += 1) {
    const piece = secret.slice(at, at + window);
    if (output.includes(piece) || output.includes(JSON.stringify(piece).slice(1, -1))) return piece;
  }
  return undefined;
}

function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

describe('no secret planted anywhere survives logging', () => {
  it(`holds for ${RUNS} objects, as merging object, error, message and child binding`, () => {
    fc.assert(
      fc.property(planted, ({ secret, value }) => {
        const { logger, lines } = capturingLogger();
        logger.info(value as object);
        logger.warn({ context: value }, 'with context');
        logger.error({ err: value }, 'failed');
        if (typeof value === 'string') logger.info(`text: ${value}`);
        if (typeof value === 'string') logger.info('formatted %s', value);
        logger.child({ binding: value }).info('from a child');
        const output = lines.join('');
        expect(lines.length).toBeGreaterThanOrEqual(4);
        expect(leaks(output, secret)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('no secret survives the error mapping to the renderer', () => {
  let test: ReturnType<typeof createTestCore>;
  beforeAll(() => {
    test = createTestCore();
  });
  afterAll(() => test.dispose());

  it(`holds for ${RUNS} unexpected and typed errors, in what crosses and in what is logged`, async () => {
    await fc.assert(
      fc.asyncProperty(
        shapedSecret.chain((secret) => fc.tuple(fc.constant(secret), textWithSecret(secret), fc.boolean())),
        async ([secret, text, typed]) => {
          test.logs.length = 0;
          test.core.handlers.listGroups = () => {
            throw typed
              ? new CoreError({ code: 'PLATFORM', message: text, remediation: `Try: ${text}` })
              : Object.assign(new Error(text), { token: secret });
          };
          const result = await dispatchCall(test.core, 'listGroups', {});
          expect(result.ok).toBe(false);
          expect(leaks(JSON.stringify(result), secret)).toBeUndefined();
          expect(leaks(test.logs.join(''), secret)).toBeUndefined();
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('redaction keeps what is not secret', () => {
  it('keeps group ids, account ids, ARNs and ordinary words in a log line', () => {
    const { logger, lines } = capturingLogger();
    const group = `${'0123456789abcdef'.repeat(2)}01234567/0123456789abcdef`;
    logger.info(
      { group, account: '123456789012', role: 'arn:aws:iam::123456789012:role/chainguard-canary' },
      'checked',
    );
    const output = lines.join('');
    expect(output).toContain(group);
    expect(output).toContain('arn:aws:iam::123456789012:role/chainguard-canary');
    expect(output).toContain('"msg":"checked"');
  });
});
