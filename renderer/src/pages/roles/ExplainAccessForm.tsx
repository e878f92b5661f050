import {
  Alert,
  AlertTitle,
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  List,
  ListItem,
  ListItemText,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { accessQuestionSchema, explainAccess, type AccessAnswer } from '../../../../shared/trust-policy/explain-access';
import { fieldErrorsFromZod, type FieldErrors } from '../../forms/field-errors';

type Kind = 'aws' | 'oidc' | 'service';
const FIELDS = ['principal', 'externalId', 'provider', 'sub', 'aud', 'service'] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Readonly<Record<Field, string>> = {
  principal: 'Account id or ARN',
  externalId: 'External ID (optional)',
  provider: 'OIDC provider ARN',
  sub: 'Subject (sub)',
  aud: 'Audience (aud)',
  service: 'Service principal',
};
const FIELDS_OF: Readonly<Record<Kind, readonly Field[]>> = {
  aws: ['principal', 'externalId'],
  oidc: ['provider', 'sub', 'aud'],
  service: ['service'],
};
const HINTS: Partial<Record<Field, string>> = {
  principal: '111122223333, arn:aws:iam::111122223333:root or …:role/Name',
  provider: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.…/id/…',
  sub: 'system:serviceaccount:<namespace>:<name>',
  service: 'ec2.amazonaws.com',
};

/**
 * "Explain access": a principal (an account or role with an optional External ID, an OIDC identity,
 * or a service) → admitted or refused by this trust policy, naming the statement that decides it or
 * why each refuses. Evaluated here, with the same evaluator the checks use; nothing is sent to AWS.
 */
export function ExplainAccessForm({ roleName, trustPolicy }: { roleName: string; trustPolicy: string }) {
  const [kind, setKind] = useState<Kind>('aws');
  const [values, setValues] = useState<Record<Field, string>>({
    principal: '',
    externalId: '',
    provider: '',
    sub: '',
    aud: 'sts.amazonaws.com',
    service: '',
  });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [answer, setAnswer] = useState<AccessAnswer>();

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = accessQuestionSchema.safeParse({ kind, ...pick(values, FIELDS_OF[kind]) });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, FIELDS));
      setAnswer(undefined);
      const first = FIELDS_OF[kind].find((field) => parsed.error.issues.some((issue) => issue.path[0] === field));
      if (first) document.getElementById(`explain-${first}`)?.focus();
      return;
    }
    setErrors({});
    setAnswer(explainAccess(trustPolicy, parsed.data));
  };

  return (
    <Stack component="form" noValidate onSubmit={submit} aria-label={`Explain access to ${roleName}`} sx={{ gap: 2 }}>
      <FormControl>
        <FormLabel id="explain-kind">Who asks</FormLabel>
        <RadioGroup
          row
          aria-labelledby="explain-kind"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as Kind);
            setErrors({});
            setAnswer(undefined);
          }}
        >
          <FormControlLabel value="aws" control={<Radio />} label="An account or role" />
          <FormControlLabel value="oidc" control={<Radio />} label="An OIDC identity" />
          <FormControlLabel value="service" control={<Radio />} label="An AWS service" />
        </RadioGroup>
      </FormControl>
      {FIELDS_OF[kind].map((field) => (
        <TextField
          key={field}
          id={`explain-${field}`}
          label={LABELS[field]}
          value={values[field]}
          onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
          error={errors[field] !== undefined}
          helperText={errors[field] ?? HINTS[field] ?? ' '}
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
          size="small"
          fullWidth
        />
      ))}
      <div>
        <Button type="submit" variant="outlined">
          Explain
        </Button>
      </div>
      {answer ? <AnswerAlert answer={answer} /> : null}
    </Stack>
  );
}

function AnswerAlert({ answer }: { answer: AccessAnswer }) {
  return (
    <Alert severity={answer.admitted ? 'success' : 'warning'} variant="outlined" role="status">
      <AlertTitle>{answer.admitted ? 'Admitted' : 'Refused'}</AlertTitle>
      {answer.summary}
      {answer.admitted ? null : (
        <List dense aria-label="Why each statement refuses" disablePadding>
          {answer.statements.map((statement) => (
            <ListItem key={statement.statement} disableGutters>
              <ListItemText
                primary={`${statement.statement} (${statement.effect})`}
                secondary={statement.applies ? 'applies' : `does not apply: ${statement.reason ?? ''}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Alert>
  );
}

function pick(values: Record<Field, string>, fields: readonly Field[]): Partial<Record<Field, string>> {
  return Object.fromEntries(fields.map((field) => [field, values[field]]));
}
