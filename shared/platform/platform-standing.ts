import { z } from 'zod';

/*
 * Where an association stands on the platform, as its latest check's Platform step found it: the
 * dashboard's Platform column. Without chainctl the check has no Platform step and the column shows —.
 */

export const platformStandings = ['ready', 'not-ready', 'not-registered', 'needs-sign-in', 'error'] as const;
export const platformStandingSchema = z.enum(platformStandings);
export type PlatformStanding = z.infer<typeof platformStandingSchema>;

export const PLATFORM_STANDING_LABELS: Readonly<Record<PlatformStanding, string>> = {
  ready: 'Ready',
  'not-ready': 'NotReady',
  'not-registered': 'Not registered',
  'needs-sign-in': 'Needs sign-in',
  error: 'Error',
};

/** How the Platform step's detail starts when the platform's record lacks this association. */
export const NOT_REGISTERED_DETAIL = 'Not registered';

/** The check step's id for the platform's own check (see electron/core/platform/platform-check-step). */
export const PLATFORM_STEP_ID = 'platform';

/** The standing a Platform step records; undefined when the check asked the platform nothing. */
export function platformStandingOf(step: { status: string; detail: string } | undefined): PlatformStanding | undefined {
  if (!step) return undefined;
  switch (step.status) {
    case 'passed':
      return 'ready';
    case 'failed':
      return step.detail.startsWith(NOT_REGISTERED_DETAIL) ? 'not-registered' : 'not-ready';
    case 'needs-sign-in':
      return 'needs-sign-in';
    case 'error':
      return 'error';
    default:
      return undefined;
  }
}
