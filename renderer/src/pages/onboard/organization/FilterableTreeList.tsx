import { styled } from '@mui/material/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { MONOSPACE_FONTS } from '../../../theme';
import type { TreeRow } from './organization-tree';

const ROW_HEIGHT = 52;
const INDENT_PX = 20;

/** Styles once for the list (not `sx` per row): every keystroke in the filter re-renders the rows in view. */
const Tree = styled('div')(({ theme }) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    height: 420,
    overflow: 'auto',
    border: `1px solid ${palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    '& .org-rows': { position: 'relative', margin: 0, padding: 0, listStyle: 'none' },
    '& .org-row': {
      position: 'absolute',
      top: 0,
      left: 0,
      width: '100%',
      height: ROW_HEIGHT,
      display: 'flex',
      alignItems: 'center',
      boxSizing: 'border-box',
      borderBottom: `1px solid ${palette.divider}`,
    },
    '& .org-parent': { ...theme.typography.subtitle2, color: palette.text.secondary },
    '& .org-account': {
      all: 'unset',
      boxSizing: 'border-box',
      width: '100%',
      height: '100%',
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1.5),
      paddingRight: theme.spacing(1),
      cursor: 'pointer',
      color: palette.text.primary,
      '&:hover': { backgroundColor: palette.action.hover },
      '&:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: -2 },
      '&[aria-disabled="true"]': { cursor: 'not-allowed', color: palette.text.disabled },
    },
    '& .org-account-shown': { cursor: 'default', '&:hover': { backgroundColor: 'transparent' } },
    '& .org-name': { ...theme.typography.body2, fontWeight: 500, minWidth: '10rem' },
    '& .org-id': { fontFamily: MONOSPACE_FONTS, fontSize: theme.typography.pxToRem(13) },
    '& .org-email': {
      ...theme.typography.caption,
      color: palette.text.secondary,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      flex: 1,
    },
    '& .org-note': { ...theme.typography.caption, color: palette.warning.dark, whiteSpace: 'nowrap' },
  };
});

interface FilterableTreeListProps<L> {
  rows: readonly TreeRow<L>[];
  /** A leaf's row content: a button with the `org-account` class when it can be picked. */
  renderLeaf: (leaf: L) => ReactNode;
  /** The list's accessible name, e.g. "Organization accounts". */
  label: string;
  /** What the leaves are, for the headings' counts, e.g. ['account', 'accounts']. */
  noun: readonly [singular: string, plural: string];
  /** Shown only, the leaves are not buttons: the list itself takes the keyboard, to scroll it. */
  shownOnly: boolean;
  testId: string;
}

/** Parents and leaves of a filtered tree, virtualized: only the rows in view are in the DOM. */
export function FilterableTreeList<L>({
  rows,
  renderLeaf,
  label,
  noun,
  shownOnly,
  testId,
}: FilterableTreeListProps<L>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [singular, plural] = noun;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtualizer the project chose.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  return (
    <Tree
      ref={scrollRef}
      data-testid={testId}
      {...(shownOnly ? { tabIndex: 0, role: 'region', 'aria-label': `${label}, scrollable` } : {})}
    >
      <ul className="org-rows" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={row.id}
              className="org-row"
              style={{ transform: `translateY(${item.start}px)`, paddingLeft: 8 + row.depth * INDENT_PX }}
            >
              {row.kind === 'parent' ? (
                <span className="org-parent">
                  {row.name} · {row.accounts} {row.accounts === 1 ? singular : plural}
                </span>
              ) : (
                renderLeaf(row.leaf)
              )}
            </li>
          );
        })}
      </ul>
    </Tree>
  );
}
