import { memo } from 'react';
import { ORGANIZATION_ACCESS_ROLE } from '../../../../../shared/aws-access-path';
import type { OrganizationAccount } from '../../../../../shared/contract/organizations';
import { FilterableTreeList } from './FilterableTreeList';
import type { OrganizationRow } from './organization-tree';

const NOUN = ['account', 'accounts'] as const;

interface OrganizationTreeListProps {
  rows: readonly OrganizationRow[];
  roleName: string;
  /** Absent: the tree is only shown (the Credentials page), its accounts are not buttons. */
  onPick?: (account: OrganizationAccount) => void;
}

/** The AWS organization's units and accounts. */
export function OrganizationTreeList({ rows, roleName, onPick }: OrganizationTreeListProps) {
  return (
    <FilterableTreeList
      rows={rows}
      label="Organization accounts"
      noun={NOUN}
      shownOnly={!onPick}
      testId="organization-tree"
      renderLeaf={(account) => <AccountButton account={account} roleName={roleName} onPick={onPick} />}
    />
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
