import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_ID_PATTERN, SESSION_NAME_PATTERN, accessPathSchema } from '../aws-access-path';
import { generateWorkspace } from './generate-workspace';
import { parseHcl } from '../../test-support/terraform-files/parse-hcl';

/*
 * Hostile External IDs and session names: the contract refuses them with a field-level error, the
 * generator refuses them on its own too, and anything it does write parses back to exactly the value.
 */

const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom('$', '%', '{', '}', '"', '\\', '\n', '#', '/', ':', '=', '@', 'a', '1', ' ') }),
  fc.string({ unit: 'binary' }),
);
const validExternalId = fc.stringMatching(EXTERNAL_ID_PATTERN, { size: 'small' });
const validSessionName = fc.stringMatching(SESSION_NAME_PATTERN);

const base = {
  cloud: 'aws',
  accountId: '210987654321',
  moduleVersion: '0.0.10',
  environment: 'enforce.dev',
  auditLogRegions: ['us-east-1'],
  groups: [{ id: 'a'.repeat(40), name: 'A' }],
};

type Provider = { assume_role?: Record<string, unknown>[] };

async function providersOf(assumeRole: Record<string, unknown>): Promise<Provider[] | { refused: string }> {
  const result = generateWorkspace({ ...base, assumeRole });
  if (!result.ok) return { refused: result.error.field ?? '' };
  const parsed = (await parseHcl(result.files[0]!.content)) as { provider: { aws: Provider[] } };
  return parsed.provider.aws;
}

describe('assume_role values', () => {
  it('External IDs: refused with a field error, or written exactly in every provider', async () => {
    const tally = { written: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(validExternalId, hostile), async (externalId) => {
        const contract = accessPathSchema.safeParse({ kind: 'assume-role', externalId });
        const providers = await providersOf({
          roleName: 'OrganizationAccountAccessRole',
          sessionName: 'liaison-x',
          externalId,
        });
        if ('refused' in providers) {
          tally.refused += 1;
          expect(providers.refused).toBe('assumeRole.externalId');
          expect(EXTERNAL_ID_PATTERN.test(externalId)).toBe(false);
          // The contract trims, so only a value that is still bad after trimming is refused there.
          if (!EXTERNAL_ID_PATTERN.test(externalId.trim()) && externalId.trim() !== '') {
            expect(contract.success).toBe(false);
            expect(contract.error?.issues[0]?.path).toEqual(['externalId']);
          }
          return;
        }
        tally.written += 1;
        expect(contract.success).toBe(true);
        expect(providers).toHaveLength(2);
        for (const provider of providers) {
          expect(provider.assume_role).toEqual([
            {
              role_arn: 'arn:aws:iam::210987654321:role/OrganizationAccountAccessRole',
              session_name: 'liaison-x',
              external_id: externalId,
            },
          ]);
        }
      }),
      { numRuns: 200 },
    );
    expect(tally.written).toBeGreaterThan(20);
    expect(tally.refused).toBeGreaterThan(20);
  });

  it('session names: refused with a field error, or written exactly', async () => {
    const tally = { written: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(validSessionName, hostile), async (sessionName) => {
        const providers = await providersOf({
          roleName: 'AWSControlTowerExecution',
          sessionName,
          durationSeconds: 900,
        });
        if ('refused' in providers) {
          tally.refused += 1;
          expect(providers.refused).toBe('assumeRole.sessionName');
          expect(SESSION_NAME_PATTERN.test(sessionName)).toBe(false);
          return;
        }
        tally.written += 1;
        expect(providers[0]!.assume_role?.[0]).toEqual({
          role_arn: 'arn:aws:iam::210987654321:role/AWSControlTowerExecution',
          session_name: sessionName,
          duration: '900s',
        });
      }),
      { numRuns: 200 },
    );
    expect(tally.written).toBeGreaterThan(20);
    expect(tally.refused).toBeGreaterThan(20);
  });

  it('refuses role names that are not IAM names, and durations STS does not allow', () => {
    for (const roleName of ['', 'a/b', 'x'.repeat(65), 'role"name', '${x}']) {
      const result = generateWorkspace({ ...base, assumeRole: { roleName, sessionName: 'liaison-x' } });
      expect(result.ok ? '' : result.error.field).toBe('assumeRole.roleName');
    }
    for (const durationSeconds of [899, 43_201, 1.5]) {
      const result = generateWorkspace({
        ...base,
        assumeRole: { roleName: 'R', sessionName: 'liaison-x', durationSeconds },
      });
      expect(result.ok ? '' : result.error.field).toBe('assumeRole.durationSeconds');
    }
  });

  it('writes no assume_role without an access role', async () => {
    const providers = await providersOf({ roleName: 'R', sessionName: 'liaison-x' });
    expect('refused' in providers).toBe(false);
    const plain = generateWorkspace(base);
    expect(plain.ok && plain.files[0]!.content).not.toContain('assume_role');
  });
});
