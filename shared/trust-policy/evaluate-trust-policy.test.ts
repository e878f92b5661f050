import { describe, expect, it } from 'vitest';
import { evaluateTrustPolicy, explainTrustEvaluation, type TrustRequest } from './evaluate-trust-policy';
import { parsePolicyDocument, PolicyDocumentError } from './policy-document';
import { matchesWildcard } from './wildcard-pattern';

const PROVIDER = 'arn:aws:iam::111122223333:oidc-provider/issuer.enforce.dev';
const GROUP = 'a'.repeat(40);

/** The trust policy the association module writes for chainguard-canary. */
function moduleTrust(subjects: string[] = [`canary:${GROUP}`], aud = 'amazon', provider = PROVIDER) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'issuer.enforce.dev:sub': subjects, 'issuer.enforce.dev:aud': aud } },
      },
    ],
  };
}

function webIdentity(sub: string, aud = 'amazon', provider = PROVIDER): TrustRequest {
  return {
    principal: { type: 'Federated', id: provider },
    action: 'sts:AssumeRoleWithWebIdentity',
    context: { 'issuer.enforce.dev:sub': sub, 'issuer.enforce.dev:aud': aud },
  };
}

describe('the association module trust policy', () => {
  it('admits the canary component of the group', () => {
    const result = evaluateTrustPolicy(moduleTrust(), webIdentity(`canary:${GROUP}`));
    expect(result.decision).toBe('allowed');
    expect(result.decidedBy?.index).toBe(0);
    expect(explainTrustEvaluation(result)).toBe('Allowed by statement 1.');
  });

  it('refuses another group, another component, another audience and another provider', () => {
    const other = `canary:${'b'.repeat(40)}`;
    expect(evaluateTrustPolicy(moduleTrust(), webIdentity(other)).decision).toBe('implicit-deny');
    expect(evaluateTrustPolicy(moduleTrust(), webIdentity(`ingester:${GROUP}`)).decision).toBe('implicit-deny');
    expect(evaluateTrustPolicy(moduleTrust(), webIdentity(`canary:${GROUP}`, 'google')).decision).toBe('implicit-deny');
    const elsewhere = 'arn:aws:iam::111122223333:oidc-provider/issuer.other.dev';
    const result = evaluateTrustPolicy(moduleTrust(), webIdentity(`canary:${GROUP}`, 'amazon', elsewhere));
    expect(result.decision).toBe('implicit-deny');
    expect(result.statements[0]?.reason).toContain('does not include Federated');
  });

  it('says which key failed and with what value', () => {
    const result = evaluateTrustPolicy(moduleTrust(), webIdentity(`canary:${GROUP}`, 'sts.amazonaws.com'));
    expect(explainTrustEvaluation(result)).toBe(
      'statement 1 (Allow) does not apply: its condition StringEquals issuer.enforce.dev:aud: the request\'s "sts.amazonaws.com" does not match "amazon".',
    );
  });

  it('ORs the values of one key: any listed group is admitted', () => {
    const policy = moduleTrust([`canary:${'c'.repeat(40)}`, `canary:${GROUP}`]);
    expect(evaluateTrustPolicy(policy, webIdentity(`canary:${GROUP}`)).decision).toBe('allowed');
  });

  it('reads the URL-encoded document GetRole returns', () => {
    const encoded = encodeURIComponent(JSON.stringify(moduleTrust()));
    expect(encoded.startsWith('%7B')).toBe(true);
    expect(evaluateTrustPolicy(encoded, webIdentity(`canary:${GROUP}`)).decision).toBe('allowed');
  });

  it('matches condition keys case-insensitively but values case-sensitively', () => {
    const request = webIdentity(`canary:${GROUP}`);
    const upperKeys: TrustRequest = {
      ...request,
      context: { 'ISSUER.ENFORCE.DEV:SUB': `canary:${GROUP}`, 'Issuer.Enforce.Dev:Aud': 'amazon' },
    };
    expect(evaluateTrustPolicy(moduleTrust(), upperKeys).decision).toBe('allowed');
    expect(evaluateTrustPolicy(moduleTrust(), webIdentity(`CANARY:${GROUP}`)).decision).toBe('implicit-deny');
  });

  it('denies when a key the condition needs is missing', () => {
    const request: TrustRequest = { ...webIdentity(''), context: { 'issuer.enforce.dev:aud': 'amazon' } };
    const result = evaluateTrustPolicy(moduleTrust(), request);
    expect(result.decision).toBe('implicit-deny');
    expect(result.statements[0]?.reason).toContain('the request has no issuer.enforce.dev:sub');
  });
});

describe('seed 004: the EKS IRSA trust policy', () => {
  const oidc = 'oidc.eks.region-code.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${oidc}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${oidc}:sub`]: 'system:serviceaccount:default:my-service-account',
            [`${oidc}:aud`]: 'sts.amazonaws.com',
          },
        },
      },
    ],
  };
  const request = (sub: string, aud = 'sts.amazonaws.com'): TrustRequest => ({
    principal: { type: 'Federated', id: `arn:aws:iam::111122223333:oidc-provider/${oidc}` },
    action: 'sts:AssumeRoleWithWebIdentity',
    context: { [`${oidc}:sub`]: sub, [`${oidc}:aud`]: aud },
  });

  it('admits the service account and nothing else', () => {
    expect(evaluateTrustPolicy(policy, request('system:serviceaccount:default:my-service-account')).decision).toBe(
      'allowed',
    );
    expect(evaluateTrustPolicy(policy, request('system:serviceaccount:default:other')).decision).toBe('implicit-deny');
    expect(
      evaluateTrustPolicy(policy, request('system:serviceaccount:default:my-service-account', 'amazon')).decision,
    ).toBe('implicit-deny');
  });

  it("with StringLike and *, admits every service account of the namespace (the seed's variant)", () => {
    const like = structuredClone(policy);
    const statement = like.Statement[0] as { Condition: Record<string, unknown> };
    statement.Condition = {
      StringLike: { [`${oidc}:sub`]: 'system:serviceaccount:default:*', [`${oidc}:aud`]: 'sts.amazonaws.com' },
    };
    expect(evaluateTrustPolicy(like, request('system:serviceaccount:default:anything')).decision).toBe('allowed');
    expect(evaluateTrustPolicy(like, request('system:serviceaccount:kube-system:x')).decision).toBe('implicit-deny');
  });
});

describe('seed 002: account root trust with an External ID', () => {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'ec2.amazonaws.com', AWS: 'arn:aws:iam::123456789012:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'kommander-7f3a' } },
      },
    ],
  };
  const assume = (id: string, externalId?: string): TrustRequest => ({
    principal: { type: 'AWS', id },
    action: 'sts:AssumeRole',
    context: externalId === undefined ? {} : { 'sts:ExternalId': externalId },
  });

  it('admits any identity of the account that presents the External ID', () => {
    expect(evaluateTrustPolicy(policy, assume('arn:aws:iam::123456789012:user/ops', 'kommander-7f3a')).decision).toBe(
      'allowed',
    );
    expect(
      evaluateTrustPolicy(policy, assume('arn:aws:sts::123456789012:assumed-role/Admin/me', 'kommander-7f3a')).decision,
    ).toBe('allowed');
    expect(evaluateTrustPolicy(policy, assume('123456789012', 'kommander-7f3a')).decision).toBe('allowed');
  });

  it('refuses without the External ID, with a wrong one, and from another account', () => {
    expect(evaluateTrustPolicy(policy, assume('arn:aws:iam::123456789012:user/ops')).decision).toBe('implicit-deny');
    expect(evaluateTrustPolicy(policy, assume('arn:aws:iam::123456789012:user/ops', 'guess')).decision).toBe(
      'implicit-deny',
    );
    expect(evaluateTrustPolicy(policy, assume('arn:aws:iam::999999999999:user/ops', 'kommander-7f3a')).decision).toBe(
      'implicit-deny',
    );
  });

  it('admits the listed service for its action, and a bare 12-digit account principal', () => {
    const service: TrustRequest = {
      principal: { type: 'Service', id: 'EC2.amazonaws.com' },
      action: 'sts:AssumeRole',
      context: { 'sts:ExternalId': 'kommander-7f3a' },
    };
    expect(evaluateTrustPolicy(policy, service).decision).toBe('allowed');
    const bare = structuredClone(policy);
    (bare.Statement[0] as { Principal: unknown }).Principal = { AWS: ['123456789012'] };
    expect(evaluateTrustPolicy(bare, assume('arn:aws:iam::123456789012:role/x', 'kommander-7f3a')).decision).toBe(
      'allowed',
    );
  });

  it("a role principal admits that role's sessions but not other roles", () => {
    const role = structuredClone(policy);
    (role.Statement[0] as { Principal: unknown }).Principal = { AWS: 'arn:aws:iam::123456789012:role/Admin' };
    expect(
      evaluateTrustPolicy(role, assume('arn:aws:sts::123456789012:assumed-role/Admin/s1', 'kommander-7f3a')).decision,
    ).toBe('allowed');
    expect(
      evaluateTrustPolicy(role, assume('arn:aws:sts::123456789012:assumed-role/Other/s1', 'kommander-7f3a')).decision,
    ).toBe('implicit-deny');
  });
});

describe('effects, principals and actions', () => {
  const allowAll = { Effect: 'Allow', Principal: '*', Action: 'sts:*' };

  it('an explicit Deny wins over any Allow, in either order', () => {
    const deny = {
      Sid: 'NoOtherGroups',
      Effect: 'Deny',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringNotLike: { 'issuer.enforce.dev:sub': `*:${GROUP}` } },
    };
    for (const Statement of [
      [allowAll, deny],
      [deny, allowAll],
    ]) {
      const other = evaluateTrustPolicy({ Statement }, webIdentity(`canary:${'d'.repeat(40)}`));
      expect(other.decision).toBe('explicit-deny');
      expect(other.decidedBy?.sid).toBe('NoOtherGroups');
      expect(evaluateTrustPolicy({ Statement }, webIdentity(`canary:${GROUP}`)).decision).toBe('allowed');
    }
  });

  it('takes a single statement object and a principal "*" or AWS "*"', () => {
    expect(evaluateTrustPolicy({ Statement: allowAll }, webIdentity('x')).decision).toBe('allowed');
    const awsStar = { Statement: { ...allowAll, Principal: { AWS: '*' } } };
    expect(evaluateTrustPolicy(awsStar, webIdentity('x')).decision).toBe('allowed');
  });

  it('matches actions with wildcards, case-insensitively, and honours NotAction', () => {
    const request = webIdentity(`canary:${GROUP}`);
    const withAction = (Action: unknown) => ({ Statement: { Effect: 'Allow', Principal: '*', Action } });
    expect(evaluateTrustPolicy(withAction('sts:AssumeRole*'), request).decision).toBe('allowed');
    expect(evaluateTrustPolicy(withAction('STS:assumerolewithwebidentity'), request).decision).toBe('allowed');
    expect(evaluateTrustPolicy(withAction(['sts:AssumeRole', 'sts:TagSession']), request).decision).toBe(
      'implicit-deny',
    );
    expect(evaluateTrustPolicy(withAction('sts:AssumeRol?WithWebIdentity'), request).decision).toBe('allowed');
    const notAction = { Statement: { Effect: 'Allow', Principal: '*', NotAction: 'sts:AssumeRoleWith*' } };
    expect(evaluateTrustPolicy(notAction, request).decision).toBe('implicit-deny');
  });

  it('honours NotPrincipal', () => {
    const policy = { Statement: { Effect: 'Allow', NotPrincipal: { Federated: PROVIDER }, Action: 'sts:*' } };
    expect(evaluateTrustPolicy(policy, webIdentity('x')).decision).toBe('implicit-deny');
    const other = 'arn:aws:iam::111122223333:oidc-provider/elsewhere';
    expect(evaluateTrustPolicy(policy, webIdentity('x', 'amazon', other)).decision).toBe('allowed');
  });
});

describe('condition operators', () => {
  const evaluate = (Condition: unknown, context: TrustRequest['context']) =>
    evaluateTrustPolicy(
      { Statement: { Effect: 'Allow', Principal: '*', Action: '*', Condition } },
      { principal: { type: 'AWS', id: '123456789012' }, action: 'sts:AssumeRole', context },
    ).decision;

  it('StringNotEquals: true when no value matches, and when the key is missing', () => {
    expect(evaluate({ StringNotEquals: { k: ['a', 'b'] } }, { k: 'c' })).toBe('allowed');
    expect(evaluate({ StringNotEquals: { k: ['a', 'b'] } }, { k: 'b' })).toBe('implicit-deny');
    expect(evaluate({ StringNotEquals: { k: 'a' } }, {})).toBe('allowed');
  });

  it('StringEqualsIgnoreCase and StringLike with ?', () => {
    expect(evaluate({ StringEqualsIgnoreCase: { k: 'AbC' } }, { k: 'aBc' })).toBe('allowed');
    expect(evaluate({ StringEquals: { k: 'AbC' } }, { k: 'aBc' })).toBe('implicit-deny');
    expect(evaluate({ StringLike: { k: 'ca?ary:*' } }, { k: 'canary:x' })).toBe('allowed');
    expect(evaluate({ StringLike: { k: 'ca?ary:*' } }, { k: 'caary:x' })).toBe('implicit-deny');
    expect(evaluate({ StringNotLike: { k: 'prod-*' } }, { k: 'dev-1' })).toBe('allowed');
  });

  it('IfExists: true when the key is absent, evaluated when present', () => {
    expect(evaluate({ StringEqualsIfExists: { k: 'a' } }, {})).toBe('allowed');
    expect(evaluate({ StringEqualsIfExists: { k: 'a' } }, { k: 'b' })).toBe('implicit-deny');
    expect(evaluate({ StringLikeIfExists: { k: 'a*' } }, { k: 'abc' })).toBe('allowed');
  });

  it('ForAnyValue and ForAllValues over multivalued keys', () => {
    expect(evaluate({ 'ForAnyValue:StringLike': { tags: 'team-*' } }, { tags: ['x', 'team-a'] })).toBe('allowed');
    expect(evaluate({ 'ForAnyValue:StringLike': { tags: 'team-*' } }, { tags: ['x', 'y'] })).toBe('implicit-deny');
    expect(evaluate({ 'ForAnyValue:StringEquals': { tags: 'a' } }, {})).toBe('implicit-deny');
    expect(evaluate({ 'ForAllValues:StringEquals': { tags: ['a', 'b'] } }, { tags: ['a', 'b'] })).toBe('allowed');
    expect(evaluate({ 'ForAllValues:StringEquals': { tags: ['a', 'b'] } }, { tags: ['a', 'c'] })).toBe('implicit-deny');
    expect(evaluate({ 'ForAllValues:StringEquals': { tags: 'a' } }, {})).toBe('allowed');
  });

  it('ANDs keys and operators, ORs values', () => {
    const condition = { StringEquals: { a: ['1', '2'], b: '3' }, StringLike: { c: 'x*' } };
    expect(evaluate(condition, { a: '2', b: '3', c: 'xy' })).toBe('allowed');
    expect(evaluate(condition, { a: '2', b: '4', c: 'xy' })).toBe('implicit-deny');
    expect(evaluate(condition, { a: '2', b: '3', c: 'yx' })).toBe('implicit-deny');
  });

  it('Null and Bool', () => {
    expect(evaluate({ Null: { 'sts:ExternalId': 'false' } }, { 'sts:ExternalId': 'x' })).toBe('allowed');
    expect(evaluate({ Null: { 'sts:ExternalId': 'false' } }, {})).toBe('implicit-deny');
    expect(evaluate({ Null: { 'sts:ExternalId': 'true' } }, {})).toBe('allowed');
    expect(evaluate({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, { 'aws:MultiFactorAuthPresent': true })).toBe(
      'allowed',
    );
    expect(evaluate({ Bool: { 'aws:MultiFactorAuthPresent': true } }, { 'aws:MultiFactorAuthPresent': false })).toBe(
      'implicit-deny',
    );
  });

  it('an operator it does not know never admits', () => {
    expect(evaluate({ NumericLessThan: { k: '3' } }, { k: '1' })).toBe('implicit-deny');
  });
});

describe('parsing', () => {
  it('refuses documents IAM would refuse, with a reason', () => {
    expect(() => parsePolicyDocument('{')).toThrow(PolicyDocumentError);
    expect(() => parsePolicyDocument({ Version: '2012-10-17' })).toThrow('no Statement');
    expect(() => parsePolicyDocument({ Statement: { Effect: 'allow' } })).toThrow('Allow or Deny');
    expect(() => parsePolicyDocument({ Statement: { Effect: 'Allow', Principal: { Cat: 'x' } } })).toThrow(
      'unknown principal type',
    );
  });
});

describe('wildcards', () => {
  it.each([
    ['canary:abc', 'canary:*', true],
    ['canary:abc', '*:abc', true],
    ['canary:abc', 'c?nary:abc', true],
    ['canary:abc', 'canary:ab', false],
    ['', '*', true],
    ['', '?', false],
    ['aaa', 'a*a*a*a', false],
    ['a*b', 'a*b', true],
  ])('%j against %j is %s', (value, pattern, expected) => {
    expect(matchesWildcard(value, pattern)).toBe(expected);
  });
});
