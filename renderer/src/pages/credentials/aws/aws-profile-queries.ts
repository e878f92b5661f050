import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { AWS_VERIFY_MAX_CONCURRENCY, type AwsVerification } from '../../../../../shared/contract/aws';
import { errorCodes, LiaisonError } from '../../../../../shared/errors';
import { useClient } from '../../../client/ClientProvider';
import { queryKeys } from '../../../client/query-keys';
import { useAwsVerificationStore } from './aws-verification-store';

export const VERIFY_CONCURRENCY = Math.min(8, AWS_VERIFY_MAX_CONCURRENCY);

export function useAwsProfilesQuery() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.awsProfiles, queryFn: () => client.call('listAwsProfiles', {}) });
}

/** Keeps the verification store in step with the core's events (this window's calls and others'). */
export function useAwsVerificationEvents(): void {
  const client = useClient();
  useEffect(() => {
    const { record, progress, restore } = useAwsVerificationStore.getState();
    const offVerified = client.on('awsProfileVerified', record);
    // What was verified before this window opened: shown as such, with when, until verified again.
    client.call('listAwsVerifications', {}).then(restore, () => undefined);
    const offProgress = client.on('awsVerifyProgress', progress);
    return () => {
      offVerified();
      offProgress();
    };
  }, [client]);
}

function failedCall(profile: string, error: unknown): AwsVerification {
  const apiError =
    error instanceof LiaisonError
      ? error.error
      : { code: errorCodes.transport, message: error instanceof Error ? error.message : 'The call failed' };
  return { profile, ok: false, error: apiError };
}

/** Verify one profile (may prompt for MFA); the result lands in the store. */
export function useVerifyProfile(): (profile: string, refresh?: boolean) => Promise<AwsVerification> {
  const client = useClient();
  return useCallback(
    async (profile, refresh = false) => {
      const store = useAwsVerificationStore.getState();
      store.startVerifying([profile]);
      const result = await client
        .call('verifyAwsProfile', { profile, refresh })
        .catch((error: unknown) => failedCall(profile, error));
      store.record(result);
      return result;
    },
    [client],
  );
}

/** Verify many with the core's bounded concurrency; progress comes back as events. Never prompts. */
export function useVerifyMany(): { verify: (profiles: string[]) => Promise<void>; cancel: () => void } {
  const client = useClient();
  const verify = useCallback(
    async (profiles: string[]) => {
      const store = useAwsVerificationStore.getState();
      const batchId = crypto.randomUUID();
      store.startVerifying(profiles);
      store.startBatch({ batchId, done: 0, failed: 0, total: profiles.length });
      try {
        const { results } = await client.call('verifyAwsProfiles', {
          batchId,
          profiles,
          concurrency: VERIFY_CONCURRENCY,
        });
        for (const result of results) store.record(result);
        // Profiles the batch never reached (cancelled) go back to not verified.
        const reached = new Set(results.map((r) => r.profile));
        const requested = new Set(profiles);
        useAwsVerificationStore.setState((state) => ({
          byProfile: Object.fromEntries(
            Object.entries(state.byProfile).filter(
              ([profile, entry]) => reached.has(profile) || entry.status !== 'verifying' || !requested.has(profile),
            ),
          ),
        }));
      } catch (error) {
        for (const profile of profiles) store.record(failedCall(profile, error));
      } finally {
        store.endBatch(batchId);
      }
    },
    [client],
  );
  const cancel = useCallback(() => {
    const batch = useAwsVerificationStore.getState().batch;
    if (batch) void client.call('cancelAwsVerifyBatch', { batchId: batch.batchId });
  }, [client]);
  return { verify, cancel };
}
