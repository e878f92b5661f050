import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  Stack,
  Step,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { WorkspacePreview } from '../../../../../shared/contract/associations';
import {
  eksServiceAccountRoleInputSchema,
  type EksServiceAccountRole,
} from '../../../../../shared/contract/role-recipes';
import { CodeBlock } from '../../../components/CodeBlock';
import { FormAlert } from '../../../components/FormAlert';
import { fieldErrorsFromZod, formFailureFrom, type FormFailure } from '../../../forms/field-errors';
import { usePreviewRoleRecipe, useSaveRoleRecipe } from '../../../queries/role-recipes';
import { AssociationCheckPanel } from '../../checks/AssociationCheckPanel';
import { ApplyStep } from '../apply/ApplyStep';
import { HclCode } from '../HclCode';
import { EksClusterPicker } from './EksClusterPicker';
import { EKS_ROLE_FIELDS, eksRoleInput, emptyEksRoleForm, type EksRoleField, type EksRoleForm } from './eks-role-form';
import { ServiceAccountAnnotation } from './ServiceAccountAnnotation';

const STEPS = ['Role', 'Review and save', 'Apply', 'Check'] as const;

const LABELS: Record<EksRoleField, { label: string; help: string; multiline?: boolean }> = {
  accountId: { label: 'Your AWS account id', help: 'The account the role (and the cluster) is in.' },
  profile: { label: 'AWS profile', help: 'A local profile of that account: it applies the Terraform.' },
  region: { label: 'Region', help: "The cluster's region, e.g. eu-west-1." },
  clusterName: { label: 'Cluster name (optional)', help: 'Names the cluster in the files and the role description.' },
  issuerUrl: {
    label: 'OIDC issuer URL',
    help: 'aws eks describe-cluster --query cluster.identity.oidc.issuer, e.g. https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE.',
  },
  namespace: { label: 'Namespace', help: 'The Kubernetes namespace of the service account.' },
  serviceAccount: { label: 'Service account', help: 'Only this service account may assume the role.' },
  roleName: { label: 'Role name', help: 'Letters, digits and + = , . @ _ - (at most 64).' },
  managedPolicyArns: {
    label: 'Managed policy ARNs',
    help: 'One per line, e.g. arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess.',
    multiline: true,
  },
  policyDocument: {
    label: 'Policy document (optional, JSON)',
    help: "The role's own permissions, checked against IAM's policy grammar.",
    multiline: true,
  },
  maxSessionSeconds: { label: 'Maximum session duration (seconds)', help: '3600 to 43200.' },
};

/**
 * The EKS service-account role recipe (seed 004) through the wizard's loop: the role's details, a
 * review of the generated files, Apply, the service account's annotation, and Check (static).
 */
export function EksRoleWizard({
  initial = emptyEksRoleForm,
  id,
  onDone,
}: {
  initial?: EksRoleForm;
  id?: string;
  onDone: () => void;
}) {
  const [step, setStep] = useState(0);
  const [form, setForm] = useState(initial);
  const [failure, setFailure] = useState<FormFailure<EksRoleField>>({ fieldErrors: {}, alert: undefined });
  const [preview, setPreview] = useState<WorkspacePreview>();
  const [saved, setSaved] = useState<{ associationId: string; workspaceKey: string }>();
  const [parsed, setParsed] = useState<EksServiceAccountRole>();
  const review = usePreviewRoleRecipe();
  const save = useSaveRoleRecipe();

  const set = (field: EksRoleField, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setFailure((current) => ({ ...current, fieldErrors: { ...current.fieldErrors, [field]: undefined } }));
  };

  const toReview = async () => {
    const input = eksRoleInput(form, id ?? saved?.associationId);
    const checked = eksServiceAccountRoleInputSchema.safeParse(input);
    if (!checked.success) {
      setFailure({ fieldErrors: fieldErrorsFromZod(checked.error, EKS_ROLE_FIELDS), alert: undefined });
      return;
    }
    setParsed(checked.data);
    try {
      setPreview(await review.mutateAsync(input));
      setFailure({ fieldErrors: {}, alert: undefined });
      setStep(1);
    } catch (error) {
      setFailure(formFailureFrom(error, EKS_ROLE_FIELDS));
    }
  };

  const saveRole = async (replaceForeignFiles: boolean) => {
    try {
      const result = await save.mutateAsync({
        ...eksRoleInput(form, id ?? saved?.associationId),
        replaceForeignFiles,
      });
      setSaved({ associationId: result.association.id, workspaceKey: result.preview.workspaceKey });
      setFailure({ fieldErrors: {}, alert: undefined });
      setStep(2);
    } catch (error) {
      const next = formFailureFrom(error, EKS_ROLE_FIELDS);
      setFailure(next);
      if (Object.keys(next.fieldErrors).length > 0) setStep(0);
    }
  };

  return (
    <Stack sx={{ gap: 3 }}>
      <Typography variant="h5" component="h2">
        EKS service-account role
      </Typography>
      <Stepper activeStep={step} aria-label="EKS service-account role steps">
        {STEPS.map((title) => (
          <Step key={title}>
            <StepLabel>{title}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <FormAlert alert={failure.alert} />
      {step === 0 ? (
        <Stack component="form" noValidate sx={{ gap: 2, maxWidth: 720 }} onSubmit={(event) => event.preventDefault()}>
          {EKS_ROLE_FIELDS.map((field) => [
            field === 'clusterName' ? (
              <EksClusterPicker
                key="cluster-picker"
                accountId={form.accountId}
                profile={form.profile}
                region={form.region}
                onPick={(cluster) => {
                  setForm((current) => ({
                    ...current,
                    clusterName: cluster.name,
                    issuerUrl: cluster.issuerUrl ?? current.issuerUrl,
                    oidcProviderExists: cluster.oidcProviderExists,
                  }));
                  setFailure({ fieldErrors: {}, alert: undefined });
                }}
                onError={(error) => setFailure(formFailureFrom(error, EKS_ROLE_FIELDS))}
              />
            ) : null,
            <TextField
              key={field}
              fullWidth
              id={`eks-role-${field}`}
              label={LABELS[field].label}
              value={form[field]}
              onChange={(event) => set(field, event.target.value)}
              error={failure.fieldErrors[field] !== undefined}
              helperText={failure.fieldErrors[field] ?? LABELS[field].help}
              multiline={LABELS[field].multiline ?? false}
              minRows={LABELS[field].multiline ? 3 : undefined}
              slotProps={field === 'policyDocument' ? { htmlInput: { spellCheck: false } } : {}}
            />,
          ])}
          <FormControlLabel
            control={
              <Checkbox
                checked={form.oidcProviderExists}
                onChange={(event) => setForm((current) => ({ ...current, oidcProviderExists: event.target.checked }))}
              />
            }
            label="The account already has the IAM OIDC provider for this issuer (else Liaison creates it)"
          />
        </Stack>
      ) : null}
      {step === 1 && preview ? (
        <Stack sx={{ gap: 2 }}>
          <Typography>
            Workspace <code>{preview.workspaceKey}</code> ({preview.workspaceDir})
          </Typography>
          {preview.foreignFiles.length > 0 ? (
            <Alert severity="warning">
              {preview.foreignFiles.join(', ')} in this workspace {preview.foreignFiles.length === 1 ? 'was' : 'were'}{' '}
              not written by Liaison. Saving replaces {preview.foreignFiles.length === 1 ? 'it' : 'them'}.
            </Alert>
          ) : null}
          {preview.files.map((file) =>
            file.path.endsWith('.tf') ? (
              <HclCode key={file.path} label={file.path} content={file.content} highlight />
            ) : (
              <CodeBlock key={file.path} label={file.path}>
                {file.content}
              </CodeBlock>
            ),
          )}
        </Stack>
      ) : null}
      {step === 2 && saved ? <ApplyStep workspaceKey={saved.workspaceKey} /> : null}
      {step >= 1 && parsed ? <ServiceAccountAnnotation role={parsed} /> : null}
      {step === 3 && saved ? (
        <Stack sx={{ gap: 1 }}>
          <Alert severity="info">
            This check is static: it reads the OIDC provider, evaluates the trust and shows the policies. Proving it
            live needs a pod&apos;s projected token: run aws sts get-caller-identity in a pod of the service account.
          </Alert>
          <AssociationCheckPanel associationId={saved.associationId} />
        </Stack>
      ) : null}
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button onClick={onDone}>{saved ? 'Done' : 'Close'}</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
          Back
        </Button>
        {step === 0 ? (
          <Button variant="contained" disabled={review.isPending} onClick={() => void toReview()}>
            Review
          </Button>
        ) : null}
        {step === 1 ? (
          <Button
            variant="contained"
            disabled={save.isPending}
            onClick={() => void saveRole((preview?.foreignFiles.length ?? 0) > 0)}
          >
            Save
          </Button>
        ) : null}
        {step === 2 ? (
          <Button variant="contained" onClick={() => setStep(3)}>
            Next
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}
