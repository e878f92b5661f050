import { useEffect } from 'react';
import { CHECK_VERDICT_LABELS } from '../../../../shared/contract/checks';
import { useClient } from '../../client/ClientProvider';
import { notify } from '../../notifications/notification-store';

/** Toasts when an association turns Failing or recovers, whichever page is open. Renders nothing. */
export function HealthAlerts() {
  const client = useClient();
  useEffect(
    () =>
      client.on('associationHealthAlert', (alert) => {
        const who = `${alert.groupName} on ${alert.target}`;
        if (alert.to === 'failing') notify(`${who} turned Failing (was ${CHECK_VERDICT_LABELS[alert.from]})`, 'error');
        else notify(`${who} recovered: ${CHECK_VERDICT_LABELS[alert.to]}`, 'success');
      }),
    [client],
  );
  return null;
}
