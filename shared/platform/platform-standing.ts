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

/** The check step's id for the platform's own check (see electron/core/platform/platform-check-step). */
export const PLATFORM_STEP_ID = 'platform';

/**
 * The standing a Platform step records: its typed `platform` outcome, set by the step itself (checks
 * stored before it existed got it in migration 10); undefined when the check asked the platform nothing.
 */
export function platformStandingOf(step: { platform?: PlatformStanding } | undefined): PlatformStanding | undefined {
  return step?.platform;
}
