import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../client/ClientProvider';
import { roleMethods, roleEvents } from '../../../../shared/contract/roles';
import { registerContract } from '../../client/contract-registry';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: roleMethods, events: roleEvents });

/** The inspector's cache: an account's roles per profile, and each role's policies. */
const rolesKey = ['aws', 'roles'] as const;

/** The roles of the profile's account; nothing is read until a profile is asked for. */
export function useAccountRolesQuery(profile: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: [...rolesKey, profile],
    queryFn: () => client.call('listAccountRoles', { profile: profile ?? '' }),
    enabled: profile !== null,
    // A listing is what the operator asked for at a moment; reading 1,000 roles again on focus would surprise.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useRolePoliciesQuery(profile: string, roleName: string) {
  const client = useClient();
  return useQuery({
    queryKey: [...rolesKey, profile, 'policies', roleName],
    queryFn: () => client.call('describeRolePolicies', { profile, roleName }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
