import { Box, Paper, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AwsProfile } from '../../../../../shared/contract/aws';
import { rowKeyAction, rowsPerPage, tabbableRow } from '../../../components/row-keys';
import { AwsProfileRow } from './AwsProfileRow';
import { ProfileGrid, ROW_HEIGHT } from './ProfileGrid';
import { useAwsVerificationStore } from './aws-verification-store';

interface AwsProfilesTableProps {
  profiles: readonly AwsProfile[];
  /** How many profiles there are before filtering (for the accessible row count). */
  totalCount: number;
  onVerify: (profile: string) => void;
  onSignIn: (profile: string) => void;
  onOpenDetails: (profile: string) => void;
}

const HEADERS = ['Name', 'Type', 'Account', 'Region', 'Source', 'Identity', 'Actions'];

/**
 * The profiles as an ARIA grid, virtualized: only the rows in view are in the DOM, so thousands of
 * profiles cost what a screenful does. One row is in the tab order; arrows, Page Up/Down, Home and
 * End move between rows, Space selects, Enter opens the details.
 */
export function AwsProfilesTable({ profiles, totalCount, onVerify, onSignIn, onOpenDetails }: AwsProfilesTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const selected = useAwsVerificationStore((state) => state.selected);
  const setSelected = useAwsVerificationStore((state) => state.setSelected);
  const toggleSelected = useAwsVerificationStore((state) => state.toggleSelected);
  const byProfile = useAwsVerificationStore((state) => state.byProfile);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtualizer the project chose.
  const virtualizer = useVirtualizer({
    count: profiles.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the view: each one is rendered again whenever the filter changes.
    overscan: 4,
  });
  const current = Math.min(activeIndex, Math.max(0, profiles.length - 1));
  const items = virtualizer.getVirtualItems();
  const tabbable = tabbableRow(current, items);

  const focusRow = useCallback(
    (index: number) => {
      const clamped = Math.max(0, Math.min(profiles.length - 1, index));
      setActiveIndex(clamped);
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
      // The row may only exist after the virtualizer renders it.
      requestAnimationFrame(() => {
        scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${clamped}"]`)?.focus();
      });
    },
    [profiles.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-row-index')) return;
    const action = rowKeyAction(
      event.key,
      current,
      profiles.length,
      rowsPerPage(scrollRef.current?.clientHeight, ROW_HEIGHT),
    );
    const profile = profiles[current];
    if (!action || !profile) return;
    event.preventDefault();
    if (action.kind === 'move') focusRow(action.index);
    else if (action.kind === 'toggle') toggleSelected(profile.name);
    else onOpenDetails(profile.name);
  };

  const selectedVisible = useMemo(() => profiles.filter((p) => selected.has(p.name)).length, [profiles, selected]);
  const allSelected = profiles.length > 0 && selectedVisible === profiles.length;

  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
      <ProfileGrid
        role="grid"
        aria-label="AWS profiles"
        aria-rowcount={profiles.length + 1}
        aria-colcount={HEADERS.length + 1}
        aria-multiselectable="true"
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="profile-header">
            <div role="columnheader" className="profile-cell-select">
              <SelectAllCheckbox
                checked={allSelected}
                indeterminate={selectedVisible > 0 && !allSelected}
                disabled={profiles.length === 0}
                onChange={() => {
                  const next = new Set(selected);
                  for (const { name } of profiles) {
                    if (allSelected) next.delete(name);
                    else next.add(name);
                  }
                  setSelected(next);
                }}
              />
            </div>
            {HEADERS.map((header) => (
              <div key={header} role="columnheader" className="profile-header-label">
                {header}
              </div>
            ))}
          </div>
        </div>
        <Box
          ref={scrollRef}
          role="rowgroup"
          data-testid="aws-profiles-scroll"
          sx={{ height: 'min(60vh, 640px)', minHeight: 240, overflowY: 'auto', position: 'relative' }}
        >
          {profiles.length === 0 ? (
            <Box role="row" aria-rowindex={2}>
              <Box role="gridcell" aria-colspan={HEADERS.length + 1} sx={{ p: 3 }}>
                <Typography sx={{ color: 'text.secondary' }}>
                  {totalCount === 0 ? 'No profiles found.' : 'No profile matches the filter.'}
                </Typography>
              </Box>
            </Box>
          ) : (
            <div className="profile-rows" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const profile = profiles[item.index];
                if (!profile) return null;
                return (
                  <AwsProfileRow
                    key={profile.name}
                    profile={profile}
                    index={item.index}
                    top={item.start}
                    active={item.index === tabbable}
                    selected={selected.has(profile.name)}
                    verification={byProfile[profile.name]}
                    onFocusRow={setActiveIndex}
                    onToggleSelected={toggleSelected}
                    onVerify={onVerify}
                    onSignIn={onSignIn}
                    onOpenDetails={onOpenDetails}
                  />
                );
              })}
            </div>
          )}
        </Box>
      </ProfileGrid>
    </Paper>
  );
}

/** A native checkbox like the rows' (a mixed state is a DOM property, not an attribute). */
function SelectAllCheckbox({
  checked,
  indeterminate,
  disabled,
  onChange,
}: {
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  onChange: () => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="profile-checkbox"
      checked={checked}
      disabled={disabled}
      onChange={onChange}
      aria-label={checked ? 'Deselect all shown profiles' : 'Select all shown profiles'}
    />
  );
}
