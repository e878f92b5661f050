import { describe, expect, it } from 'vitest';
import { formatAttributes, KNOWN_AFTER_APPLY, readableAttributes } from './plan-attributes';

describe('plan attributes', () => {
  it('pretty-prints an IAM policy document held in a string attribute', () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:*' }] });
    const text = formatAttributes({ name: 'canary', assume_role_policy: policy }, {});
    // The document keeps its own key order (Version before Statement), as IAM writes it.
    expect(text).toContain('"assume_role_policy": {\n    "Version": "2012-10-17",\n    "Statement": [\n      {\n');
    expect(text).not.toContain('\\"');
  });

  it('leaves JSON strings that are not policies, and broken JSON, as strings', () => {
    expect(readableAttributes('{"a":1}', undefined)).toBe('{"a":1}');
    expect(readableAttributes('{not json', undefined)).toBe('{not json');
  });

  it('marks values only known after apply, including ones absent from the planned values', () => {
    expect(readableAttributes({ id: null, tags: { a: 'b' } }, { id: true, arn: true })).toEqual({
      arn: KNOWN_AFTER_APPLY,
      id: KNOWN_AFTER_APPLY,
      tags: { a: 'b' },
    });
  });
});
