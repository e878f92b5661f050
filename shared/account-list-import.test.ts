import { describe, expect, it } from 'vitest';
import { importAccountList } from './account-list-import';

describe('importing an account list', () => {
  it('reads a Gruntwork accounts.json in deploy order', () => {
    const result = importAccountList(
      JSON.stringify({
        security: { id: '111111111111', email: 'security@example.com', deploy_order: 1 },
        logs: { id: '000000000042', email: 'logs@example.com', deploy_order: 0 },
        dev: { id: '333333333333', email: 'dev@example.com' },
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.accounts).toEqual([
      { name: 'logs', id: '000000000042', email: 'logs@example.com', deployOrder: 0 },
      { name: 'security', id: '111111111111', email: 'security@example.com', deployOrder: 1 },
      { name: 'dev', id: '333333333333', email: 'dev@example.com' },
    ]);
  });

  it('reads a plain name → id map', () => {
    expect(importAccountList('{"prod": "123456789012", "stage": " 210987654321 "}').accounts).toEqual([
      { name: 'prod', id: '123456789012' },
      { name: 'stage', id: '210987654321' },
    ]);
  });

  it('keeps the good rows and says what is wrong with each bad one', () => {
    const result = importAccountList(
      JSON.stringify({
        good: '123456789012',
        short: '1234',
        number: 42,
        noId: { email: 'x@example.com' },
        badEmail: { id: '222222222222', email: 'nope' },
        badOrder: { id: '333333333333', deploy_order: -1 },
        list: ['123456789012'],
        twice: { id: '123456789012' },
      }),
    );
    expect(result.accounts).toEqual([{ name: 'good', id: '123456789012' }]);
    expect(result.problems).toEqual([
      { row: '"short"', message: '"id" "1234" is not a 12-digit AWS account id' },
      {
        row: '"number"',
        message: '"id" is the number 42: write it as a string of 12 digits, or leading zeros are lost',
      },
      { row: '"noId"', message: 'Has no "id"' },
      { row: '"badEmail"', message: '"email" "nope" is not an email address' },
      { row: '"badOrder"', message: '"deploy_order" -1 is not a whole number ≥ 0' },
      { row: '"list"', message: 'Expected an account id or an object with "id"' },
      { row: '"twice"', message: 'Account 123456789012 is already listed as “good”' },
    ]);
  });

  it('reads pasted CSV with a header, bare ids and bad lines', () => {
    const result = importAccountList(
      'name,id,email\nprod,123456789012,prod@example.com\n\n210987654321\nstaging;12345\n',
    );
    expect(result.accounts).toEqual([
      { name: 'prod', id: '123456789012', email: 'prod@example.com' },
      { name: '210987654321', id: '210987654321' },
    ]);
    expect(result.problems).toEqual([{ row: 'line 5', message: 'No 12-digit account id in “staging;12345”' }]);
  });

  it('says so for broken JSON and empty input', () => {
    expect(importAccountList('{"a": ').problems[0]?.message).toMatch(/^Not valid JSON/);
    expect(importAccountList('  ').problems).toEqual([{ row: 'input', message: 'The list is empty' }]);
  });
});
