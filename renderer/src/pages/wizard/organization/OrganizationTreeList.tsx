import { styled } from '@mui/material/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { ORGANIZATION_ACCESS_ROLE } from '../../../../../shared/aws-access-path';
import type { OrganizationAccount } from '../../../../../shared/contract/organizations';
import { MONOSPACE_FONTS } from '../../../theme';
import type { OrganizationRow } from './organization-tree';

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

interface OrganizationTreeListProps {
  rows: readonly OrganizationRow[];
  roleName: string;
  /** Absent: the tree is only shown (the Credentials page), its accounts are not buttons. */
  onPick?: (account: OrganizationAccount) => void;
}

/** The organization's units and accounts, virtualized: only the rows in view are in the DOM. */
export function OrganizationTreeList({ rows, roleName, onPick }: OrganizationTreeListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
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
      data-testid="organization-tree"
      // Shown only, the accounts are not buttons: the list itself takes the keyboard, to scroll it.
      {...(onPick ? {} : { tabIndex: 0, role: 'region', 'aria-label': 'Organization accounts, scrollable' })}
    >
      <ul className="org-rows" aria-label="Organization accounts" style={{ height: virtualizer.getTotalSize() }}>
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
                  {row.name} · {row.accounts} {row.accounts === 1 ? 'account' : 'accounts'}
                </span>
              ) : (
                <AccountButton account={row.account} roleName={roleName} onPick={onPick} />
              )}
            </li>
          );
        })}
      </ul>
    </Tree>
  );
}

/** Memoized: a keystroke in the filter re-renders only the rows that changed place or appeared. */
const AccountButton = memo(function AccountButton({
  account,
  roleName,
  onPick,
}: {
  account: OrganizationAccount;
  roleName: string;
  onPick: ((account: OrganizationAccount) => void) | undefined;
}) {
  const active = account.status === 'ACTIVE';
  const invited = account.joinedMethod === 'INVITED' && roleName === ORGANIZATION_ACCESS_ROLE;
  const note = !active
    ? `${account.status.toLowerCase().replaceAll('_', ' ')}: cannot be onboarded`
    : invited
      ? `invited: has no ${ORGANIZATION_ACCESS_ROLE} unless created`
      : '';
  const content = (
    <>
      <span className="org-name">{account.name}</span>
      <span className="org-id">{account.id}</span>
      <span className="org-email">{account.email}</span>
      {note ? <span className="org-note">{note}</span> : null}
    </>
  );
  if (!onPick) return <div className="org-account org-account-shown">{content}</div>;
  return (
    <button
      type="button"
      className="org-account"
      aria-disabled={!active}
      aria-label={`${account.name}, account ${account.id}, ${account.email}${note ? `, ${note}` : ''}`}
      onClick={() => {
        if (active) onPick(account);
      }}
    >
      {content}
    </button>
  );
});
