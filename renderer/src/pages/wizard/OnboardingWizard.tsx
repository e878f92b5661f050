import { Box, Button, Stack, Step, StepLabel, Stepper } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssociationValues } from '../../../../shared/contract/associations';
import type { FieldErrors } from '../../forms/field-errors';
import { useSaveDraft } from './association-queries';
import { CloudStep } from './CloudStep';
import { GroupStep } from './GroupStep';
import { OptionsStep } from './OptionsStep';
import { ReviewStep } from './ReviewStep';
import { associationInput, STEP_FIELDS, STEP_TITLES, wizardErrors, type WizardField } from './wizard-values';

export interface WizardStart {
  id: string | undefined;
  step: number;
  values: AssociationValues;
  /** A generated association being edited: saved again, never as a draft. */
  generated: boolean;
}

interface OnboardingWizardProps {
  start: WizardStart;
  onDone: () => void;
}

const DRAFT_DELAY_MS = 500;

/** The four-step wizard. Values live here, so Back and Next keep them; drafts save as the user goes. */
export function OnboardingWizard({ start, onDone }: OnboardingWizardProps) {
  const [step, setStep] = useState(start.step);
  const [values, setValues] = useState(start.values);
  const [errors, setErrors] = useState<FieldErrors<WizardField>>({});
  const [verifiedAccount, setVerifiedAccount] = useState<string>();
  const [draftId, setDraftId] = useState(start.id);
  const saveDraft = useSaveDraft();
  const headingRef = useRef<HTMLDivElement>(null);
  const { mutate: persistDraft } = saveDraft;

  // Debounced so typing does not write on every key; a generated association is never made a draft.
  useEffect(() => {
    if (start.generated) return;
    const timer = setTimeout(
      () => persistDraft({ ...(draftId ? { id: draftId } : {}), step, values }, { onSuccess: (d) => setDraftId(d.id) }),
      DRAFT_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [draftId, persistDraft, start.generated, step, values]);

  const change = useCallback((patch: Partial<AssociationValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    // A field that showed an error is re-checked as it changes, so the message clears once fixed.
    setErrors((current) => {
      if (!Object.keys(patch).some((key) => key in current)) return current;
      return Object.fromEntries(Object.entries(current).filter(([field]) => !(field in patch)));
    });
  }, []);

  // Opening the wizard takes the keyboard to its step heading, as every step change does.
  useEffect(() => headingRef.current?.focus(), []);

  const moveTo = (next: number): void => {
    setStep(next);
    headingRef.current?.focus();
  };

  const goNext = (): void => {
    const problems = wizardErrors(values, STEP_FIELDS[step] ?? []);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      // Take the keyboard to the first field that needs fixing.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    moveTo(step + 1);
  };

  return (
    <Stack sx={{ gap: 3 }}>
      <Stepper activeStep={step} alternativeLabel>
        {STEP_TITLES.map((title) => (
          <Step key={title}>
            <StepLabel>{title}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Box
        component="h2"
        ref={headingRef}
        tabIndex={-1}
        sx={{ typography: 'h6', m: 0, outline: 'none' }}
        aria-live="polite"
      >
        Step {step + 1} of {STEP_TITLES.length}: {STEP_TITLES[step]}
      </Box>
      {step === 0 ? (
        <GroupStep groupId={values.groupId} error={errors.groupId} onChange={(groupId) => change({ groupId })} />
      ) : null}
      {step === 1 ? (
        <CloudStep
          values={values}
          errors={errors}
          verifiedAccount={verifiedAccount}
          onVerifiedAccount={setVerifiedAccount}
          onChange={change}
        />
      ) : null}
      {step === 2 ? <OptionsStep values={values} errors={errors} onChange={change} /> : null}
      {step === 3 ? <ReviewStep input={associationInput(values, draftId)} onSaved={() => onDone()} /> : null}
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button onClick={onDone}>Close</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button disabled={step === 0} onClick={() => moveTo(step - 1)}>
          Back
        </Button>
        {step < STEP_TITLES.length - 1 ? (
          <Button variant="contained" onClick={goNext}>
            Next
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}
