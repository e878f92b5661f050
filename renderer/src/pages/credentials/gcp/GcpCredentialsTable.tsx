import {
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { GcpCredentialRef, GcpCredentialsListing } from '../../../../../shared/contract/gcp';
import { MONOSPACE_FONTS } from '../../../theme';
import { adcDescription, credentialKey, credentialLabel } from './gcp-credential-labels';
import { GcpVerificationStatus, type GcpVerification } from './GcpVerificationStatus';

interface GcpCredentialsTableProps {
  listing: GcpCredentialsListing;
  verifications: ReadonlyMap<string, GcpVerification>;
  onVerify: (ref: GcpCredentialRef) => void;
  onImpersonate: (ref: GcpCredentialRef) => void;
  onShowProjects: (ref: GcpCredentialRef) => void;
}

interface Row {
  ref: GcpCredentialRef;
  name: string;
  active: boolean;
  type: string;
  principal: string | undefined;
  project: string | undefined;
  usable: boolean;
}

function rowsOf(listing: GcpCredentialsListing): Row[] {
  const adc = listing.adc;
  return [
    {
      ref: { kind: 'adc' },
      name: 'Application default credentials',
      active: false,
      type: adcDescription(adc),
      principal: adc.status === 'found' ? adc.principal : undefined,
      project: adc.status === 'found' ? (adc.projectId ?? adc.quotaProjectId) : undefined,
      usable: adc.status === 'found',
    },
    ...listing.configurations.map((configuration) => ({
      ref: { kind: 'configuration' as const, name: configuration.name },
      name: configuration.name,
      active: configuration.active,
      type: configuration.impersonateServiceAccount
        ? `gcloud configuration, impersonating ${configuration.impersonateServiceAccount}`
        : 'gcloud configuration',
      principal: configuration.account,
      project: configuration.project,
      usable: true,
    })),
  ];
}

/** Application default credentials and every gcloud configuration, each with Verify and an impersonation check. */
export function GcpCredentialsTable({
  listing,
  verifications,
  onVerify,
  onImpersonate,
  onShowProjects,
}: GcpCredentialsTableProps) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Google Cloud credentials">
        <TableHead>
          <TableRow>
            <TableCell scope="col">Credentials</TableCell>
            <TableCell scope="col">Principal</TableCell>
            <TableCell scope="col">Project</TableCell>
            <TableCell scope="col">Status</TableCell>
            <TableCell scope="col">Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rowsOf(listing).map((row) => {
            const key = credentialKey(row.ref);
            const verification = verifications.get(key);
            const label = credentialLabel(row.ref);
            return (
              <TableRow key={key} hover>
                <TableCell component="th" scope="row">
                  <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                    <span>{row.name}</span>
                    {row.active ? <Chip size="small" label="active" color="primary" variant="outlined" /> : null}
                  </Stack>
                  <Typography variant="body2" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                    {row.type}
                  </Typography>
                </TableCell>
                <TableCell sx={{ fontFamily: MONOSPACE_FONTS, overflowWrap: 'anywhere', minWidth: 160 }}>
                  {row.principal ?? (
                    <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
                      {row.usable ? 'Verify to see' : '—'}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ fontFamily: MONOSPACE_FONTS, whiteSpace: 'nowrap' }}>{row.project ?? '—'}</TableCell>
                <TableCell>
                  <GcpVerificationStatus verification={verification} />
                </TableCell>
                <TableCell>
                  <Stack direction="row" sx={{ gap: 1, whiteSpace: 'nowrap' }}>
                    <Button
                      size="small"
                      variant="outlined"
                      disabled={!row.usable}
                      loading={verification?.status === 'pending'}
                      aria-label={`Verify ${label}`}
                      onClick={() => onVerify(row.ref)}
                    >
                      Verify
                    </Button>
                    <Button
                      size="small"
                      disabled={!row.usable}
                      aria-label={`Check impersonation with ${label}`}
                      onClick={() => onImpersonate(row.ref)}
                    >
                      Impersonate…
                    </Button>
                    <Button
                      size="small"
                      disabled={!row.usable}
                      aria-label={`Show projects under an organization or folder with ${label}`}
                      onClick={() => onShowProjects(row.ref)}
                    >
                      Projects…
                    </Button>
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
