import { Box, Button, Stack, Step, StepLabel, Stepper } from '@mui/material';
import { visuallyHidden } from '../../components/visuallyHidden';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssociationValues } from '../../../../shared/contract/associations';
import type { FieldErrors } from '../../forms/field-errors';
import { useDeleteAssociation, useSaveDraft } from '../../queries/associations';
import { CloudStep } from './CloudStep';
import { GroupStep } from './GroupStep';
import { OptionsStep } from './OptionsStep';
import { ReviewStep } from './ReviewStep';
import { AssociationCheckPanel } from '../checks/AssociationCheckPanel';
import { ApplyStep } from './apply/ApplyStep';
import { RegisterStep } from './RegisterStep';
import { useRegistrationPlan } from '../platform/platform-queries';
import { useWorkspaceApplied } from '../../queries/terraform';
import {
  APPLY_STEP,
  CHECK_STEP,
  REGISTER_STEP,
  associationInput,
  STEP_FIELDS,
  STEP_TITLES,
  WIZARD_STEP_TITLES,
  wizardErrors,
  type WizardField,
} from './wizard-values';

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

/** The onboarding wizard. Values live here, so Back and Next keep them; drafts save as the user goes. */
export function OnboardingWizard({ start, onDone }: OnboardingWizardProps) {
  const [step, setStep] = useState(start.step);
  const [values, setValues] = useState(start.values);
  const [errors, setErrors] = useState<FieldErrors<WizardField>>({});
  const [verifiedAccount, setVerifiedAccount] = useState<string>();
  const [draftId, setDraftId] = useState(start.id);
  /** Set once the files are saved: the association is generated (no more drafts) and Apply opens. */
  const [savedWorkspace, setSavedWorkspace] = useState<string>();
  const saveDraft = useSaveDraft();
  const applied = useWorkspaceApplied(savedWorkspace);
  // Register is done only once the platform's record carries this association, not merely passed.
  const registered = useRegistrationPlan(savedWorkspace ? draftId : undefined).data?.kind === 'unchanged';
  const headingRef = useRef<HTMLDivElement>(null);
  const { mutate: persistDraft } = saveDraft;

  // Nothing to resume before a group is chosen: an opened-and-closed wizard leaves no draft behind.
  const keepsDraft = !start.generated && savedWorkspace === undefined && values.groupId !== undefined;
  // A draft write can still be on its way when Save to workspace is pressed: once the association is
  // saved, a draft that lands later must not become the wizard's association, and is not kept.
  const saved = useRef(false);
  const { mutate: discardLateDraft } = useDeleteAssociation();
  const writeDraft = useCallback(
    () =>
      persistDraft(
        { ...(draftId ? { id: draftId } : {}), step, values },
        {
          onSuccess: (draft) => {
            if (!saved.current) setDraftId(draft.id);
            else if (draft.id !== draftId) discardLateDraft({ id: draft.id });
          },
        },
      ),
    [discardLateDraft, draftId, persistDraft, step, values],
  );

  // Debounced so typing does not write on every key; a generated association is never made a draft.
  useEffect(() => {
    if (!keepsDraft) return;
    const timer = setTimeout(writeDraft, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [keepsDraft, writeDraft]);

  // Close keeps what the last keystrokes changed, though the debounce has not fired yet.
  const close = (): void => {
    if (keepsDraft) writeDraft();
    onDone();
  };

  const change = useCallback((patch: Partial<AssociationValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    // A field that showed an error is re-checked as it changes, so the message clears once fixed.
    // `backend` clears `backend.bucket` and the other backend fields' messages.
    const touches = (field: string): boolean =>
      Object.keys(patch).some((key) => field === key || field.startsWith(`${key}.`));
    setErrors((current) => {
      if (!Object.keys(current).some(touches)) return current;
      return Object.fromEntries(Object.entries(current).filter(([field]) => !touches(field)));
    });
  }, []);

  const adoptOidcProvider = useCallback((arn: string | undefined) => change({ adoptOidcProviderArn: arn }), [change]);

  // Opening the wizard takes the keyboard to its step heading, as every step change does.
  useEffect(() => headingRef.current?.focus(), []);

  const moveTo = (next: number): void => {
    setStep(next);
    headingRef.current?.focus();
  };

  const stepDone = (index: number): boolean =>
    index < step && (index !== APPLY_STEP || applied) && (index !== REGISTER_STEP || registered);

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
        {WIZARD_STEP_TITLES.map((title, index) => (
          // Apply is done only once an apply succeeded, not merely because the wizard moved past it.
          <Step key={title} completed={stepDone(index)}>
            <StepLabel>
              {title}
              {stepDone(index) ? (
                <Box component="span" sx={visuallyHidden}>
                  , done
                </Box>
              ) : null}
            </StepLabel>
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
        Step {step + 1} of {WIZARD_STEP_TITLES.length}: {WIZARD_STEP_TITLES[step]}
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
      {step === 3 ? (
        <ReviewStep
          input={associationInput(values, draftId)}
          onAdoptOidcProvider={adoptOidcProvider}
          onSaved={(result) => {
            saved.current = true;
            setDraftId(result.associationId);
            setSavedWorkspace(result.workspaceKey);
            moveTo(REGISTER_STEP);
          }}
        />
      ) : null}
      {step === REGISTER_STEP && draftId ? <RegisterStep associationId={draftId} /> : null}
      {step === APPLY_STEP && savedWorkspace ? <ApplyStep workspaceKey={savedWorkspace} /> : null}
      {step === CHECK_STEP && draftId ? <AssociationCheckPanel associationId={draftId} /> : null}
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button onClick={close}>{step >= REGISTER_STEP ? 'Done' : 'Close'}</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button disabled={step === 0} onClick={() => moveTo(step - 1)}>
          Back
        </Button>
        {step < STEP_TITLES.length - 1 ? (
          <Button variant="contained" onClick={goNext}>
            Next
          </Button>
        ) : null}
        {step === REGISTER_STEP && savedWorkspace ? (
          <Button variant="contained" onClick={() => moveTo(APPLY_STEP)}>
            Continue to Apply
          </Button>
        ) : null}
        {step === APPLY_STEP && draftId ? (
          <Button variant={applied ? 'contained' : 'outlined'} onClick={() => moveTo(CHECK_STEP)}>
            Check the association
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}
