import CloseIcon from '@mui/icons-material/Close';
import { Alert, AlertTitle, Box, Button, Drawer, Stack, Typography } from '@mui/material';
import { memo, useState, type ReactNode } from 'react';
import { ORGANIZATION_ACCESS_ROLE } from '../../../../../shared/aws-access-path';
import { awsErrorCodes, type AwsProfile } from '../../../../../shared/contract/aws';
import { IconActionButton } from '../../../components/IconActionButton';
import { MONOSPACE_FONTS } from '../../../theme';
import { OrganizationPickerDialog } from '../../onboard/organization/OrganizationPickerDialog';
import { kindLabels } from './aws-profile-labels';
import { useAwsVerificationStore } from './aws-verification-store';
import { formatExactTime } from '../../../time/relative-time';

interface AwsProfileDetailsProps {
  profile: AwsProfile | undefined;
  onClose: () => void;
  onVerify: (profile: string) => void;
  onSignIn: (profile: string) => void;
}

/** Everything Liaison knows about one profile: its settings, its warnings and what verifying it found. */
// Memoized: the panel re-renders on every keystroke in the filter, which changes nothing here.
export const AwsProfileDetails = memo(function AwsProfileDetails({
  profile,
  onClose,
  onVerify,
  onSignIn,
}: AwsProfileDetailsProps) {
  const state = useAwsVerificationStore((s) => (profile ? s.byProfile[profile.name] : undefined));
  const titleId = 'aws-profile-details-title';
  const [showingOrganization, setShowingOrganization] = useState(false);
  return (
    <Drawer
      anchor="right"
      open={profile !== undefined}
      onClose={onClose}
      slotProps={{
        paper: { sx: { width: { xs: '100%', sm: 480 }, p: 3 }, role: 'dialog', 'aria-labelledby': titleId },
      }}
    >
      {profile ? (
        <Stack sx={{ gap: 2 }}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography id={titleId} variant="h6" component="h2" sx={{ wordBreak: 'break-all' }}>
              {profile.name}
            </Typography>
            <IconActionButton label="Close details" icon={<CloseIcon />} onClick={onClose} />
          </Stack>
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1, m: 0 }}
          >
            <Field label="Type">{kindLabels[profile.kind]}</Field>
            <Field label="Defined in">{profile.files.join(' and ')}</Field>
            {profile.region ? <Field label="Region">{profile.region}</Field> : null}
            {profile.accountId ? (
              <Field label="Account">
                {profile.accountId}{' '}
                <Typography component="span" variant="caption">
                  (from {profile.accountIdSource})
                </Typography>
              </Field>
            ) : null}
            {profile.roleArn ? (
              <Field label="Role" mono>
                {profile.roleArn}
              </Field>
            ) : null}
            {profile.sourceChain.length > 0 ? (
              <Field label="Source chain">{[profile.name, ...profile.sourceChain].join(' → ')}</Field>
            ) : null}
            {profile.credentialSource ? <Field label="Credential source">{profile.credentialSource}</Field> : null}
            {profile.ssoSession ? <Field label="SSO session">{profile.ssoSession}</Field> : null}
            {profile.ssoStartUrl ? <Field label="SSO start URL">{profile.ssoStartUrl}</Field> : null}
            {profile.ssoRoleName ? <Field label="SSO role">{profile.ssoRoleName}</Field> : null}
            {profile.mfaSerial ? (
              <Field label="MFA device" mono>
                {profile.mfaSerial}
              </Field>
            ) : null}
            {profile.endpointUrl ? <Field label="Endpoint">{profile.endpointUrl}</Field> : null}
          </Box>
          {profile.warnings.map((warning, index) => (
            <Alert key={`${warning.code}-${index}`} severity="warning" variant="outlined">
              <AlertTitle>{warning.message}</AlertTitle>
              {warning.remediation}
            </Alert>
          ))}
          {state?.status === 'done' && state.result.ok ? (
            <Alert severity="success" variant="outlined">
              <AlertTitle>Verified{state.result.cached ? ' (cached)' : ''}</AlertTitle>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, m: 0 }}>
                <Field label="Account">{state.result.identity.account}</Field>
                <Field label="ARN" mono>
                  {state.result.identity.arn}
                </Field>
                <Field label="User id" mono>
                  {state.result.identity.userId}
                </Field>
                {state.result.identity.expiresAt ? (
                  <Field label="Credentials expire">{formatExactTime(new Date(state.result.identity.expiresAt))}</Field>
                ) : null}
              </Box>
            </Alert>
          ) : null}
          {state?.status === 'done' && !state.result.ok ? (
            <Alert severity="error" variant="outlined">
              <AlertTitle>{state.result.error.message}</AlertTitle>
              {state.result.error.remediation}
            </Alert>
          ) : null}
          <Stack direction="row" sx={{ gap: 1 }}>
            <Button variant="contained" loading={state?.status === 'verifying'} onClick={() => onVerify(profile.name)}>
              Verify
            </Button>
            {(profile.leafKind === 'sso' || profile.leafKind === 'sso-legacy') &&
            (state?.status !== 'done' ||
              (!state.result.ok && state.result.error.code === awsErrorCodes.ssoSignInRequired)) ? (
              <Button variant="outlined" onClick={() => onSignIn(profile.name)}>
                Sign in
              </Button>
            ) : null}
            <Button variant="outlined" onClick={() => setShowingOrganization(true)}>
              Show organization
            </Button>
          </Stack>
          <OrganizationPickerDialog
            open={showingOrganization}
            profile={profile.name}
            roleName={ORGANIZATION_ACCESS_ROLE}
            onClose={() => setShowingOrganization(false)}
          />
        </Stack>
      ) : null}
    </Drawer>
  );
});

function Field({ label, mono = false, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
        {label}
      </Typography>
      <Typography
        component="dd"
        variant="body2"
        sx={{ m: 0, wordBreak: 'break-all', ...(mono ? { fontFamily: MONOSPACE_FONTS } : {}) }}
      >
        {children}
      </Typography>
    </>
  );
}
