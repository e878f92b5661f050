import { Suspense, useEffect, useState } from 'react';
import { lazyComponent } from '../../../app/lazy-component';
import { useClient } from '../../../client/ClientProvider';
import { notify } from '../../../notifications/notification-store';
import { newPromptHostId, useAwsPromptStore } from './aws-prompt-store';
import { useVerifyProfile } from './aws-profile-queries';

/**
 * The MFA and SSO sign-in dialogs, shown whenever the core asks. Mount it once near the root; a
 * second mount (a page that also wants it) renders nothing, so nothing is asked twice.
 */
export function AwsCredentialPrompts() {
  const [hostId] = useState(newPromptHostId);
  const isHost = useAwsPromptStore((state) => state.hosts[0] === hostId);
  useEffect(() => {
    useAwsPromptStore.setState((state) => ({ hosts: [...state.hosts, hostId] }));
    return () => useAwsPromptStore.setState((state) => ({ hosts: state.hosts.filter((id) => id !== hostId) }));
  }, [hostId]);
  if (!isHost) return null;
  return <PromptHost />;
}

// Mounted on every page, asked for rarely: their code loads with the first prompt.
const AwsMfaDialog = lazyComponent(() => import('./AwsMfaDialog'), 'AwsMfaDialog');
const AwsSsoSignInDialog = lazyComponent(() => import('./AwsSsoSignInDialog'), 'AwsSsoSignInDialog');

function PromptHost() {
  const client = useClient();
  const verify = useVerifyProfile();
  useEffect(() => {
    const store = useAwsPromptStore.getState();
    const offs = [
      client.on('awsMfaRequested', store.addMfaRequest),
      client.on('awsMfaSettled', ({ requestId }) => store.removeMfaRequest(requestId)),
      client.on('awsSsoSignInStarted', store.showSignIn),
      client.on('awsSsoSignInSettled', (settled) => {
        store.clearSignIn(settled.signInId);
        if (settled.status === 'completed') {
          notify(`Signed in; verifying ${settled.profile}`);
          void verify(settled.profile, true);
        } else if (settled.status !== 'cancelled') {
          notify(settled.error?.message ?? `Sign-in ${settled.status}`, 'error');
        }
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [client, verify]);
  const asked = useAwsPromptStore((state) => state.mfaRequests.length > 0 || state.signIn !== undefined);
  // Once loaded the dialogs stay mounted, so closing one still plays its transition.
  const [loaded, setLoaded] = useState(false);
  if (asked && !loaded) setLoaded(true);
  if (!loaded) return null;
  return (
    <Suspense fallback={null}>
      <AwsMfaDialog />
      <AwsSsoSignInDialog />
    </Suspense>
  );
}
