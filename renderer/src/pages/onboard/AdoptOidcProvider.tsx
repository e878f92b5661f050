import { Alert, AlertTitle, Box, Button, Checkbox, FormControlLabel, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { AssociationInput } from '../../../../shared/contract/associations';
import { issuerUrl } from '../../../../shared/terraform/platform-environment';
import { useClient } from '../../client/ClientProvider';
import { formatExactTime } from '../../time/relative-time';
import { useWorkspaceApplied } from '../../queries/terraform';
import { adoptionMethods } from '../../../../shared/contract/adoption';
import { registerContract } from '../../client/contract-registry';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: adoptionMethods });

type AwsInput = Extract<AssociationInput, { cloud: 'aws' }>;

interface AdoptOidcProviderProps {
  input: AwsInput;
  workspaceKey: string;
  onChange: (arn: string | undefined) => void;
}

/**
 * AWS allows one IAM OIDC provider per URL: when the account already has one for the issuer, the
 * module's apply would fail with EntityAlreadyExists. Looked for before the plan, and adopted (an
 * `import` block in main.tf) unless the operator declines.
 */
export function AdoptOidcProvider({ input, workspaceKey, onChange }: AdoptOidcProviderProps) {
  const client = useClient();
  const lookup = {
    profile: input.profile,
    accountId: input.accountId,
    environment: input.environment,
    ...(input.accessPath ? { accessPath: input.accessPath } : {}),
  };
  const existing = useQuery({
    queryKey: ['adoption', 'oidc-provider', lookup],
    queryFn: () => client.call('findExistingOidcProvider', lookup),
    retry: false,
    staleTime: 30_000,
  });
  // After a successful apply the provider is this workspace's own (created or already adopted).
  const applied = useWorkspaceApplied(workspaceKey);
  const adopted = input.adoptOidcProviderArn;
  const declined = useRef(false);
  const found = existing.data?.status === 'found' ? existing.data : undefined;
  const offered = found !== undefined && (!applied || adopted === found.arn);

  useEffect(() => {
    if (offered && adopted === undefined && !declined.current) onChange(found.arn);
    // Gone since it was adopted, or another one: an import of what is not there fails the plan.
    if (existing.data && existing.data.status !== 'unknown' && adopted !== undefined && adopted !== found?.arn) {
      onChange(undefined);
    }
  }, [adopted, existing.data, found, offered, onChange]);

  const issuer = issuerUrl(input.environment);
  if (existing.isPending) {
    return (
      <Typography role="status" color="text.secondary">
        Looking for an existing OIDC provider for {issuer} in account {input.accountId}…
      </Typography>
    );
  }
  const couldNot = existing.data?.status === 'unknown' ? existing.data : undefined;
  if (existing.isError || couldNot) {
    const message = couldNot?.message ?? existing.error?.message ?? '';
    const remediation = couldNot?.remediation;
    return (
      <Alert
        severity="info"
        action={
          <Button color="inherit" onClick={() => void existing.refetch()} loading={existing.isFetching}>
            Look again
          </Button>
        }
      >
        {message}
        {remediation ? <Box sx={{ mt: 0.5 }}>{remediation}</Box> : null}
      </Alert>
    );
  }
  if (!found || !offered) {
    return (
      <Typography color="text.secondary">
        {found
          ? `Account ${input.accountId} has the OIDC provider for ${issuer}; this workspace's apply manages it.`
          : `Account ${input.accountId} has no OIDC provider for ${issuer} yet: the module creates it.`}
      </Typography>
    );
  }
  const audiences = found.clientIds.length > 0 ? found.clientIds.join(', ') : 'none';
  return (
    <Alert severity="warning" aria-labelledby="adopt-oidc-title">
      <AlertTitle id="adopt-oidc-title">
        An OIDC provider for {issuer} already exists in account {input.accountId}
      </AlertTitle>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        <code>{found.arn}</code>
        {found.createdAt ? `, created ${formatExactTime(new Date(found.createdAt))}` : ''}, audiences {audiences}.
      </Typography>
      <Typography variant="body2" sx={{ mt: 1 }}>
        AWS allows one OIDC provider per URL, so the module cannot create another: its apply would fail with
        EntityAlreadyExists. Adopting it adds an <code>import</code> block to main.tf (shown below): Terraform takes the
        existing provider into this workspace&apos;s state instead of creating one, and the plan shows any change it
        makes to it (the module sets the audience <code>amazon</code>). Nothing changes until you apply.
      </Typography>
      <FormControlLabel
        control={
          <Checkbox
            checked={adopted === found.arn}
            onChange={(event) => {
              declined.current = !event.target.checked;
              onChange(event.target.checked ? found.arn : undefined);
            }}
          />
        }
        label="Adopt the existing provider (import block in main.tf)"
      />
    </Alert>
  );
}
