import { Box, Checkbox, Paper, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { AwsProfile } from '../../../../../shared/contract/aws';
import { AwsProfileRow, PROFILE_COLUMNS, ROW_HEIGHT } from './AwsProfileRow';
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
    overscan: 8,
  });
  const current = Math.min(activeIndex, Math.max(0, profiles.length - 1));

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
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: profiles.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      focusRow(next);
      return;
    }
    const profile = profiles[current];
    if (!profile) return;
    if (event.key === ' ') {
      event.preventDefault();
      toggleSelected(profile.name);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpenDetails(profile.name);
    }
  };

  const visibleNames = profiles.map((p) => p.name);
  const selectedVisible = visibleNames.filter((name) => selected.has(name)).length;
  const allSelected = profiles.length > 0 && selectedVisible === profiles.length;

  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
      <Box
        role="grid"
        aria-label="AWS profiles"
        aria-rowcount={profiles.length + 1}
        aria-colcount={HEADERS.length + 1}
        aria-multiselectable="true"
        onKeyDown={onKeyDown}
      >
        <Box role="rowgroup">
          <Box
            role="row"
            aria-rowindex={1}
            sx={{
              display: 'grid',
              gridTemplateColumns: PROFILE_COLUMNS,
              alignItems: 'center',
              borderBottom: 1,
              borderColor: 'divider',
              bgcolor: 'action.hover',
              minHeight: 44,
            }}
          >
            <Box role="columnheader" sx={{ px: 0.5 }}>
              <Checkbox
                size="small"
                checked={allSelected}
                indeterminate={selectedVisible > 0 && !allSelected}
                disabled={profiles.length === 0}
                onChange={() => {
                  const next = new Set(selected);
                  for (const name of visibleNames) {
                    if (allSelected) next.delete(name);
                    else next.add(name);
                  }
                  setSelected(next);
                }}
                slotProps={{
                  input: { 'aria-label': allSelected ? 'Deselect all shown profiles' : 'Select all shown profiles' },
                }}
              />
            </Box>
            {HEADERS.map((header) => (
              <Box key={header} role="columnheader" sx={{ px: 1 }}>
                <Typography variant="subtitle2" component="span">
                  {header}
                </Typography>
              </Box>
            ))}
          </Box>
        </Box>
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
            <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const profile = profiles[item.index];
                if (!profile) return null;
                return (
                  <AwsProfileRow
                    key={profile.name}
                    profile={profile}
                    index={item.index}
                    top={item.start}
                    active={item.index === current}
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
            </Box>
          )}
        </Box>
      </Box>
    </Paper>
  );
}
