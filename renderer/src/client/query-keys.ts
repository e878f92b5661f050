/** Every cached query's key, in one place, so events and pages invalidate the same thing. */
export const queryKeys = {
  groups: ['groups'],
  associations: ['associations'],
  awsProfiles: ['aws', 'profiles'],
  /** Run lists and single runs (`[...terraformRuns, runId]`): one prefix, so a run change refreshes both. */
  terraformRuns: ['terraform', 'runs'],
  terraformBinary: ['terraform', 'binary'],
  /** Stored check results (`[...associationChecks, associationId]`) and token commands. */
  associationChecks: ['checks'],
  /** The token commands for live checks, under the checks prefix so a checks refresh includes them. */
  tokenCommands: ['checks', 'token-commands'],
  /** The dashboard overview and association histories (`[...health, 'history', id]`). */
  health: ['health'],
  healthSettings: ['health-settings'],
  appInfo: ['app-info'],
} as const;
