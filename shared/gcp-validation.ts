import { z } from 'zod';

/** Google's rule for new project ids: 6–30 characters, a lowercase letter first, no trailing hyphen. */
export const GCP_PROJECT_ID_PATTERN = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Why a project id is not valid, in the words the field shows; undefined when it is valid. */
export function gcpProjectIdProblem(id: string): string | undefined {
  if (id === '') return 'Project ID is required';
  if (/[A-Z]/.test(id)) return 'Project ID uses lowercase letters only';
  if (!/^[a-z0-9-]*$/.test(id)) return 'Project ID may contain only lowercase letters, digits and hyphens';
  if (!/^[a-z]/.test(id)) return 'Project ID must start with a lowercase letter';
  if (id.length < 6 || id.length > 30) return 'Project ID must be 6 to 30 characters long';
  if (id.endsWith('-')) return 'Project ID cannot end with a hyphen';
  return undefined;
}

export const gcpProjectIdSchema = z
  .string({ error: 'Project ID is required' })
  .trim()
  .superRefine((id, ctx) => {
    const problem = gcpProjectIdProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A project number: the decimal id Google assigns, e.g. 123456789012. */
export const GCP_PROJECT_NUMBER_PATTERN = /^[1-9][0-9]{0,19}$/;

export const gcpProjectNumberSchema = z
  .string({ error: 'Project number is required' })
  .trim()
  .min(1, 'Project number is required')
  .regex(/^[0-9]+$/, 'Project number is digits only (e.g. 123456789012); the project ID is the name with letters')
  .regex(/^[1-9]/, 'Project number cannot start with 0')
  .max(20, 'Project number is at most 20 digits');

/**
 * A service account email: `NAME@PROJECT.iam.gserviceaccount.com` for accounts people create (NAME is
 * 6–30 characters, like a project id), or one of Google's own domains (`developer.`, `appspot.`,
 * `gcp-sa-*.iam.` …) for default and service agent accounts.
 */
export function serviceAccountEmailProblem(email: string): string | undefined {
  if (email === '') return 'Service account email is required';
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) {
    return 'Enter a service account email, e.g. deployer@my-project.iam.gserviceaccount.com';
  }
  const name = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (email !== email.toLowerCase()) return 'Service account emails are lowercase';
  if (!/^[a-z0-9.-]+\.gserviceaccount\.com$/.test(domain) || domain.includes('..')) {
    return 'A service account email ends in .gserviceaccount.com (e.g. deployer@my-project.iam.gserviceaccount.com)';
  }
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name) || name.endsWith('-')) {
    return 'The part before @ may contain only lowercase letters, digits and hyphens';
  }
  const project = /^([a-z0-9-]+)\.iam\.gserviceaccount\.com$/.exec(domain)?.[1];
  if (project !== undefined && !project.startsWith('gcp-sa-')) {
    if (!/^[a-z]/.test(name) || name.length < 6 || name.length > 30) {
      return 'The name before @ is 6 to 30 characters and starts with a lowercase letter';
    }
    const projectProblem = gcpProjectIdProblem(project);
    if (projectProblem) return `The project in the email is not valid: ${projectProblem}`;
  }
  return undefined;
}

export const serviceAccountEmailSchema = z
  .string({ error: 'Service account email is required' })
  .trim()
  .superRefine((email, ctx) => {
    const problem = serviceAccountEmailProblem(email);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** gcloud's rule for configuration names; also keeps a name from being read as a path or a flag. */
export const GCLOUD_CONFIGURATION_NAME_PATTERN = /^[a-z][-a-z0-9]*$/;

export const gcloudConfigurationNameSchema = z
  .string({ error: 'Configuration name is required' })
  .min(1, 'Configuration name is required')
  .max(100, 'Configuration name is too long')
  .regex(
    GCLOUD_CONFIGURATION_NAME_PATTERN,
    'Configuration names start with a lowercase letter and contain only lowercase letters, digits and hyphens',
  );

/**
 * Where projects are listed from: `organizations/NUMBER` or `folders/NUMBER`, as Cloud Resource
 * Manager names them. The bare words "organization 123" / "folder 123" are accepted and normalised.
 */
export const gcpResourceParentSchema = z
  .string({ error: 'Organization or folder is required' })
  .trim()
  .min(1, 'Organization or folder is required')
  .transform((value) =>
    value.replace(/^(organization|folder)s?[\s/:]+/i, (_m, kind: string) => `${kind.toLowerCase()}s/`),
  )
  .pipe(
    z
      .string()
      .regex(
        /^(organizations|folders)\/[1-9][0-9]{0,19}$/,
        'Type organizations/NUMBER or folders/NUMBER, e.g. folders/123456789012',
      ),
  );
