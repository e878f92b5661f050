import { Box, Paper, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { RoleSummary } from '../../../../shared/contract/roles';
import { rowKeyAction, rowsPerPage, tabbableRow } from '../../components/row-keys';
import { MONOSPACE_FONTS } from '../../theme';

const ROW_HEIGHT = 56;

interface RoleListProps {
  roles: readonly RoleSummary[];
  selected: string | undefined;
  onSelect: (roleName: string) => void;
}

/**
 * The roles as a virtualized listbox: only the rows in view are in the DOM, so 1,000 roles filter as
 * fast as a screenful. One option is in the tab order; arrows, Page Up/Down, Home and End move,
 * Enter or Space (or a click) opens the role's details.
 */
export const RoleList = memo(function RoleList({ roles, selected, onSelect }: RoleListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const virtualizer = useVirtualizer({
    count: roles.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  const current = Math.min(activeIndex, Math.max(0, roles.length - 1));
  const items = virtualizer.getVirtualItems();
  const tabbable = tabbableRow(current, items);

  const focusRow = useCallback(
    (index: number) => {
      const clamped = Math.max(0, Math.min(roles.length - 1, index));
      setActiveIndex(clamped);
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
      requestAnimationFrame(() => {
        scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${clamped}"]`)?.focus();
      });
    },
    [roles.length, virtualizer],
  );

  const choose = useCallback(
    (index: number, roleName: string) => {
      setActiveIndex(index);
      onSelect(roleName);
    },
    [onSelect],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!(event.target as HTMLElement).hasAttribute('data-row-index')) return;
    const action = rowKeyAction(
      event.key,
      current,
      roles.length,
      rowsPerPage(scrollRef.current?.clientHeight, ROW_HEIGHT),
    );
    const role = roles[current];
    if (!action || !role) return;
    event.preventDefault();
    if (action.kind === 'move') focusRow(action.index);
    else onSelect(role.name);
  };

  if (roles.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography>No role matches the filter.</Typography>
      </Paper>
    );
  }
  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
      <Box
        ref={scrollRef}
        role="listbox"
        aria-label="Roles"
        data-testid="role-list"
        onKeyDown={onKeyDown}
        sx={{ height: 'min(65vh, 720px)', minHeight: 240, overflowY: 'auto', position: 'relative', ...roleRowsSx }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const role = roles[item.index];
            if (!role) return null;
            return (
              <RoleOption
                key={role.arn}
                role={role}
                index={item.index}
                top={item.start}
                count={roles.length}
                selected={role.name === selected}
                tabbable={item.index === tabbable}
                onChoose={choose}
              />
            );
          })}
        </div>
      </Box>
    </Paper>
  );
});

interface RoleOptionProps {
  role: RoleSummary;
  index: number;
  top: number;
  count: number;
  selected: boolean;
  tabbable: boolean;
  onChoose: (index: number, roleName: string) => void;
}

/** The rows' styles, once for the list: a row is plain elements with class names, cheap to mount per keystroke. */
export const roleRowsSx = {
  '& .role-option': {
    position: 'absolute',
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    px: 2,
    display: 'flex',
    alignItems: 'center',
    gap: 1,
    cursor: 'pointer',
    borderBottom: 1,
    borderColor: 'divider',
    boxSizing: 'border-box',
  },
  '& .role-option[aria-selected="true"]': { bgcolor: 'action.selected' },
  '& .role-option:hover': { bgcolor: 'action.hover' },
  '& .role-option:focus-visible': {
    outline: 2,
    outlineStyle: 'solid',
    outlineColor: 'primary.main',
    outlineOffset: -2,
  },
  '& .role-names': { minWidth: 0, flexGrow: 1, display: 'flex', flexDirection: 'column' },
  '& .role-name, & .role-path': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .role-path': { typography: 'body2', color: 'text.secondary', fontFamily: MONOSPACE_FONTS },
  '& .role-findings': { typography: 'body2', flexShrink: 0 },
  '& .role-findings.high': { fontWeight: 600 },
} as const;

const RoleOption = memo(function RoleOption({
  role,
  index,
  top,
  count,
  selected,
  tabbable,
  onChoose,
}: RoleOptionProps) {
  const high = role.findings.filter((finding) => finding.severity === 'high').length;
  const others = role.findings.length - high;
  const summary = [
    high > 0 ? `${high} high` : '',
    others > 0 ? `${others} other` : '',
    role.trustError ? 'unreadable trust' : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div
      role="option"
      className="role-option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={count}
      data-row-index={index}
      tabIndex={tabbable ? 0 : -1}
      style={{ top }}
      onClick={() => onChoose(index, role.name)}
    >
      <span className="role-names">
        <span className="role-name">{role.name}</span>
        <span className="role-path">{role.path}</span>
      </span>
      {summary ? <span className={high > 0 ? 'role-findings high' : 'role-findings'}>{summary}</span> : null}
    </div>
  );
});
