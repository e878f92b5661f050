import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('keeps a sentence that names a secret, such as chainctl signed out', () => {
    expect(redactSecrets('Error: getting token: not logged in, run "chainctl auth login"')).toBe(
      'Error: getting token: not logged in, run "chainctl auth login"',
    );
    expect(redactSecrets('the session token is expired')).toBe('the session token is expired');
  });

  it('still hides assigned values, including lower-case words that end the line or stand alone', () => {
    expect(redactSecrets('token: hunter')).toBe('token: [redacted]');
    expect(redactSecrets('password=letmein user=bob')).toBe('password=[redacted] user=bob');
    expect(redactSecrets('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG')).toBe('aws_secret_access_key = [redacted]');
    expect(redactSecrets('"SessionToken": "abc def"')).toBe('"SessionToken": "[redacted] def"');
    expect(redactSecrets('token: Xy12z next')).toBe('token: [redacted] next');
  });
});
