import { Button, FormControl, InputLabel, NativeSelect, OutlinedInput, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';

export interface UnitOption {
  id: string;
  /** Indented by depth, with how many active accounts or projects it holds. */
  label: string;
}

/** Picks an organizational unit or folder and adds everything active in it at once (nested ones included). */
export function FleetUnitAdd({
  label,
  units,
  addLabel,
  hint,
  status,
  onAdd,
}: {
  /** "Organizational unit" or "Folder". */
  label: string;
  units: readonly UnitOption[];
  addLabel: string;
  hint: string;
  /** What is selected so far, announced as it changes (adding shows its effect inside the dialog). */
  status: string;
  onAdd: (unitId: string) => void;
}) {
  const selectId = useId();
  const [unitId, setUnitId] = useState('');
  const chosen = units.some((unit) => unit.id === unitId) ? unitId : (units[0]?.id ?? '');
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, alignItems: { sm: 'center' } }}>
        <FormControl size="small" sx={{ minWidth: 320 }}>
          <InputLabel htmlFor={selectId} shrink>
            {label}
          </InputLabel>
          <NativeSelect
            id={selectId}
            value={chosen}
            onChange={(event) => setUnitId(event.target.value)}
            input={<OutlinedInput label={label} notched />}
          >
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.label}
              </option>
            ))}
          </NativeSelect>
        </FormControl>
        <Button variant="contained" disabled={chosen === ''} onClick={() => onAdd(chosen)}>
          {addLabel}
        </Button>
        <Typography role="status" variant="body2" sx={{ fontWeight: 500 }}>
          {status}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {hint}
      </Typography>
    </>
  );
}

/** Every unit under `roots`, depth first, indented, with its count. */
export function indentedUnits(
  roots: readonly { id: string; name: string }[],
  units: readonly { id: string; name: string; parentId: string }[],
  count: (id: string) => number,
): UnitOption[] {
  const children = new Map<string, { id: string; name: string }[]>();
  for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const options: UnitOption[] = [];
  const visit = (id: string, name: string, depth: number): void => {
    options.push({ id, label: `${'\u00a0\u00a0'.repeat(depth)}${name} (${count(id)} active)` });
    for (const child of children.get(id) ?? []) visit(child.id, child.name, depth + 1);
  };
  for (const root of roots) visit(root.id, root.name, 0);
  return options;
}
