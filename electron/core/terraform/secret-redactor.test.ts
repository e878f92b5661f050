import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecretRedactor, REDACTED } from './secret-redactor';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY<EXAMPLE>&KEY';

describe('createSecretRedactor', () => {
  it('removes a secret as written and as JSON (Go-style) escapes it', () => {
    const redact = createSecretRedactor([SECRET]);
    expect(redact(`AWS_SECRET_ACCESS_KEY=${SECRET}`)).toBe(`AWS_SECRET_ACCESS_KEY=${REDACTED}`);
    const goJson = JSON.stringify({ output: SECRET })
      .replace('<', '\\u003c')
      .replace('>', '\\u003e')
      .replace('&', '\\u0026');
    expect(redact(goJson)).toBe(`{"output":"${REDACTED}"}`);
    expect(redact(SECRET.replaceAll('/', '\\/'))).toBe(REDACTED);
  });

  it('leaves lines without secrets, and resource ids, exactly as they were', () => {
    const line = '{"id_value":"1b960ab2-9427-441d-c2f0-c7f165319a29"}';
    expect(createSecretRedactor([SECRET])(line)).toBe(line);
    expect(createSecretRedactor([])(line)).toBe(line);
  });

  it('leaves no trace of any secret anywhere in any line', () => {
    const secret = fc.stringMatching(/^[A-Z0-9/+=]{4,60}$/);
    fc.assert(
      fc.property(
        fc.array(secret, { minLength: 1, maxLength: 3 }),
        fc.string(),
        fc.string(),
        (secrets, before, after) => {
          const redact = createSecretRedactor(secrets);
          const output = redact(`${before}${secrets.join(' ')}${after}`);
          for (const value of secrets) expect(output).not.toContain(value);
        },
      ),
    );
  });
});
