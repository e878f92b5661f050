import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gcloudConfigurationNameSchema,
  gcpProjectIdSchema,
  gcpProjectNumberSchema,
  serviceAccountEmailSchema,
} from './gcp-validation';

const lower = 'abcdefghijklmnopqrstuvwxyz';
const digits = '0123456789';
const chars = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });

/** Valid project ids straight from the rule: a letter, 4–28 of [a-z0-9-], a letter or digit. */
const projectId = fc
  .tuple(chars(lower, 1, 1), chars(`${lower}${digits}-`, 4, 28), chars(`${lower}${digits}`, 1, 1))
  .map((parts) => parts.join(''));

/** The rule written independently of the implementation, character by character. */
function isValidProjectId(id: string): boolean {
  if (id.length < 6 || id.length > 30) return false;
  if (!lower.includes(id[0] ?? '')) return false;
  if (id.endsWith('-')) return false;
  return [...id].every((c) => lower.includes(c) || digits.includes(c) || c === '-');
}

describe('GCP project id', () => {
  it('accepts every id the rule allows, trimming pasted whitespace', () => {
    fc.assert(fc.property(projectId, (id) => gcpProjectIdSchema.parse(` ${id}\t`) === id));
  });

  it('agrees with an independent reading of the rule on arbitrary strings', () => {
    const alphabet = `${lower}${digits}-_A.Z `;
    fc.assert(
      fc.property(fc.oneof(chars(alphabet, 0, 34), fc.string()), (raw) => {
        expect(gcpProjectIdSchema.safeParse(raw).success).toBe(isValidProjectId(raw.trim()));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects each broken rule with a message that names it', () => {
    const message = (id: string) => gcpProjectIdSchema.safeParse(id).error?.issues[0]?.message;
    expect(message('')).toBe('Project ID is required');
    expect(message('my-Project-1')).toBe('Project ID uses lowercase letters only');
    expect(message('my_project_1')).toMatch(/only lowercase letters, digits and hyphens/);
    expect(message('1my-project')).toBe('Project ID must start with a lowercase letter');
    expect(message('abcde')).toBe('Project ID must be 6 to 30 characters long');
    expect(message(`a${'b'.repeat(30)}`)).toBe('Project ID must be 6 to 30 characters long');
    expect(message('my-project-')).toBe('Project ID cannot end with a hyphen');
  });

  it('rejects a valid id with an uppercase letter, a trailing hyphen or one character too many', () => {
    fc.assert(
      fc.property(projectId, fc.nat(), (id, at) => {
        const i = at % id.length;
        expect(gcpProjectIdSchema.safeParse(`${id.slice(0, i)}${id[i]?.toUpperCase()}${id.slice(i + 1)}`).success).toBe(
          !/[a-z]/.test(id[i] ?? ''),
        );
        expect(gcpProjectIdSchema.safeParse(`${id.slice(0, 29)}-`).success).toBe(false);
        if (id.length === 30) expect(gcpProjectIdSchema.safeParse(`${id}a`).success).toBe(false);
      }),
    );
  });
});

describe('GCP project number', () => {
  it('accepts digits only, without a leading zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 19n }), (n) => gcpProjectNumberSchema.parse(` ${n} `) === String(n)),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (raw) => {
        const ok = /^[1-9][0-9]{0,19}$/.test(raw.trim());
        expect(gcpProjectNumberSchema.safeParse(raw).success).toBe(ok);
      }),
    );
  });

  it('tells a project id pasted into the number field apart', () => {
    expect(gcpProjectNumberSchema.safeParse('my-project-123').error?.issues[0]?.message).toMatch(/digits only/);
    expect(gcpProjectNumberSchema.safeParse('0123').error?.issues[0]?.message).toMatch(/cannot start with 0/);
  });
});

describe('service account email', () => {
  const accountName = fc
    .tuple(chars(lower, 1, 1), chars(`${lower}${digits}-`, 4, 28), chars(`${lower}${digits}`, 1, 1))
    .map((parts) => parts.join(''));

  it('accepts NAME@PROJECT.iam.gserviceaccount.com for any valid name and project id', () => {
    fc.assert(
      fc.property(accountName, projectId, (name, project) => {
        const email = `${name}@${project}.iam.gserviceaccount.com`;
        expect(serviceAccountEmailSchema.parse(email)).toBe(email);
      }),
    );
  });

  it("accepts Google's default and service-agent accounts", () => {
    for (const email of [
      '123456789012-compute@developer.gserviceaccount.com',
      'my-project@appspot.gserviceaccount.com',
      'service-123456789012@gcp-sa-cloudbuild.iam.gserviceaccount.com',
    ]) {
      expect(serviceAccountEmailSchema.safeParse(email).success, email).toBe(true);
    }
  });

  it('rejects user emails, uppercase, bad names and bad projects with a reason', () => {
    const message = (email: string) => serviceAccountEmailSchema.safeParse(email).error?.issues[0]?.message;
    expect(message('')).toBe('Service account email is required');
    expect(message('alice@example.com')).toMatch(/ends in \.gserviceaccount\.com/);
    expect(message('Deployer@my-project.iam.gserviceaccount.com')).toBe('Service account emails are lowercase');
    expect(message('dep@my-project.iam.gserviceaccount.com')).toMatch(/6 to 30 characters/);
    expect(message('deployer@my-project-.iam.gserviceaccount.com')).toMatch(/project in the email/);
    expect(message('deployer@@my-project.iam.gserviceaccount.com')).toMatch(/Enter a service account email/);
    expect(message('deployer@my-project..iam.gserviceaccount.com')).toMatch(/gserviceaccount/);
  });

  it('never accepts anything that is not lowercase NAME@…gserviceaccount.com', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = serviceAccountEmailSchema.safeParse(raw);
        if (result.success) expect(result.data).toMatch(/^[a-z0-9][a-z0-9-]*@[a-z0-9.-]+\.gserviceaccount\.com$/);
      }),
    );
  });
});

describe('gcloud configuration name', () => {
  it('accepts what gcloud accepts and refuses what could be a path or a flag', () => {
    fc.assert(
      fc.property(chars(lower, 1, 1), chars(`${lower}${digits}-`, 0, 20), (first, rest) => {
        expect(gcloudConfigurationNameSchema.safeParse(`${first}${rest}`).success).toBe(true);
      }),
    );
    for (const bad of ['', '-flag', '../etc', 'a/b', 'Default', 'a b', '1st']) {
      expect(gcloudConfigurationNameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
