import { useEffect, useRef, useState } from 'react';
import type { FieldErrors, FormFailure } from './field-errors';

export type FieldValidators<F extends string> = Record<F, (value: string) => string | undefined>;

/**
 * Text fields with validation on blur and on submit; once a field has shown an error it is
 * re-checked as the user types, so the message clears the moment the value is fixed. Errors from the
 * main process land on the same fields; values are never reset by an error.
 */
export function useFormFields<F extends string>(initial: Record<F, string>, validators: FieldValidators<NoInfer<F>>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [checked, setChecked] = useState<Partial<Record<F, boolean>>>({});
  const [alert, setAlert] = useState<FormFailure<F>['alert']>();
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed submit, take the keyboard to the first field that needs fixing.
  useEffect(() => {
    if (failures === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);

  const change = (field: F, value: string): void => {
    setValues((current) => ({ ...current, [field]: value }));
    if (checked[field]) setErrors((current) => ({ ...current, [field]: validators[field](value) }));
  };

  const blur = (field: F): void => {
    setChecked((current) => ({ ...current, [field]: true }));
    setErrors((current) => ({ ...current, [field]: validators[field](values[field]) }));
  };

  /** Shows errors (from the form's own check or from the main process) and marks those fields as checked. */
  const showFailure = (failure: FormFailure<F>): void => {
    setErrors(failure.fieldErrors);
    setAlert(failure.alert);
    const fields = Object.keys(failure.fieldErrors) as F[];
    setChecked((current) => ({ ...current, ...Object.fromEntries(fields.map((field) => [field, true])) }));
    setFailures((count) => count + 1);
  };

  const clearFailure = (): void => setAlert(undefined);

  return { formRef, values, errors, alert, change, blur, showFailure, clearFailure };
}
