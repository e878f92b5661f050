/** Every cached query's key, in one place, so events and pages invalidate the same thing. */
export const queryKeys = {
  groups: ['groups'],
  associations: ['associations'],
  awsProfiles: ['aws', 'profiles'],
} as const;
