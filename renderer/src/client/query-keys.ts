/** Every cached query's key, in one place, so events and pages invalidate the same thing. */
export const queryKeys = {
  groups: ['groups'],
  associations: ['associations'],
  awsProfiles: ['aws', 'profiles'],
  /** One profile's organization tree (`[...awsOrganization, profile]`). */
  awsOrganization: ['aws', 'organization'],
  /** The listing reads files only, so refetching is cheap and safe. */
  gcpCredentials: ['gcp', 'credentials'],
  /** Run lists and single runs (`[...terraformRuns, runId]`): one prefix, so a run change refreshes both. */
  terraformRuns: ['terraform', 'runs'],
  terraformBinary: ['terraform', 'binary'],
  /** The proxy setting, under the binary's prefix as before. */
  terraformNetwork: ['terraform', 'binary', 'network'],
  /** Stored check results (`[...associationChecks, associationId]`) and token commands. */
  associationChecks: ['checks'],
  /** The token commands for live checks, under the checks prefix so a checks refresh includes them. */
  tokenCommands: ['checks', 'token-commands'],
  /** The dashboard overview and association histories (`[...health, 'history', id]`). */
  health: ['health'],
  healthSettings: ['health-settings'],
  appInfo: ['app-info'],
  /** Sign-in, groups and registration per environment (`[...platform, 'groups', environment]`). */
  platform: ['platform'],
  /** Settings → Platform: the current environment and each saved API URL. */
  platformSettings: ['platform-settings'],
} as const;
