import { z } from 'zod';
import { attr, str, type HclBodyItem } from './hcl-syntax';

/*
 * Where Terraform gets the association module. Restricted networks cannot reach the public registry:
 * they mirror it in a private registry, or keep a copy (a directory or an archive) on disk.
 */

/** A registry host (with an optional port), as a module address's first part takes it. */
const HOST = /^(?=.{1,253}(:|$))[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+(:\d{1,5})?$/;
const NAMESPACE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Absolute: Terraform copies an absolute path into its module cache, and unpacks an archive. */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/])/;

export const PUBLIC_MODULE_NAMESPACE = 'chainguard-dev';

export const moduleSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('registry') }),
  z.object({
    type: z.literal('private-registry'),
    host: z
      .string({ error: 'Registry host is required' })
      .regex(HOST, 'A registry host name such as registry.example.com (a port may follow, :8443)'),
    /** The namespace the module is published under there; the public one when mirrored as is. */
    namespace: z
      .string()
      .regex(NAMESPACE, 'Letters, digits, hyphens and underscores (e.g. your organization)')
      .default(PUBLIC_MODULE_NAMESPACE),
  }),
  z.object({
    type: z.literal('local'),
    path: z
      .string({ error: 'Path is required' })
      .max(4096, 'At most 4096 characters')
      .refine((path) => ABSOLUTE.test(path), 'An absolute path, such as /opt/modules/aws or /opt/modules/aws.zip')
      .refine(
        (path) => ![...path].some((char) => char.charCodeAt(0) < 0x20) && !path.includes('//'),
        'No control characters or "//" in the path',
      ),
  }),
]);
export type ModuleSource = z.output<typeof moduleSourceSchema>;
export type ModuleSourceInput = z.input<typeof moduleSourceSchema>;

export const DEFAULT_MODULE_SOURCE: ModuleSource = { type: 'registry' };

/**
 * The `source` (and `version`, for a registry) of one module block. `publicAddress` is the public
 * registry's `namespace/name/provider`, `subdir` a package sub-directory such as `auditlogs`. A local
 * copy has no version: it is whatever version was copied.
 */
export function moduleAddress(
  source: ModuleSource,
  publicAddress: string,
  version: string,
  subdir?: string,
): { source: string; version?: string } {
  const sub = subdir ? `//${subdir}` : '';
  switch (source.type) {
    case 'registry':
      return { source: `${publicAddress}${sub}`, version };
    case 'private-registry': {
      const [, ...nameAndProvider] = publicAddress.split('/');
      return { source: `${source.host}/${[source.namespace, ...nameAndProvider].join('/')}${sub}`, version };
    }
    case 'local':
      return { source: `${source.path}${sub}` };
  }
}

/** One line for the review and the README: where the module comes from. */
export function describeModuleSource(source: ModuleSource): string {
  switch (source.type) {
    case 'registry':
      return 'the public Terraform registry';
    case 'private-registry':
      return `the private registry ${source.host} (namespace ${source.namespace})`;
    case 'local':
      return `the local copy ${source.path}`;
  }
}

/** `source`, and `version` for a registry module (a local copy takes none). */
export function sourceAttrs(address: { source: string; version?: string }): HclBodyItem[] {
  return [
    attr('source', str(address.source)),
    ...(address.version === undefined ? [] : [attr('version', str(address.version))]),
  ];
}
