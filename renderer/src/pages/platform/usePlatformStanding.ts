import { useMemo } from 'react';
import { useCurrentPlatformEnvironment } from '../../queries/platform-settings';
import { usePlatformConnection, usePlatformGroups } from './platform-queries';

/** How a local group stands on the platform: listed there, not listed, or not checked (no sign-in). */
export type PlatformStanding = 'listed' | 'not-listed' | 'not-checked';

/** A lookup of each group id's standing, from the same queries the Groups page's platform tree uses. */
export function usePlatformStanding(): (groupId: string) => PlatformStanding {
  const environment = useCurrentPlatformEnvironment();
  const connection = usePlatformConnection(environment);
  const signedIn = connection.data?.state === 'signed-in';
  const groups = usePlatformGroups(environment, signedIn);
  const ids = useMemo(() => (groups.data ? new Set(groups.data.map((g) => g.id)) : undefined), [groups.data]);
  return useMemo(() => (groupId: string) => (!ids ? 'not-checked' : ids.has(groupId) ? 'listed' : 'not-listed'), [ids]);
}
