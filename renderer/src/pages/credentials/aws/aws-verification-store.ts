import { create } from 'zustand';
import type { AwsVerification } from '../../../../../shared/contract/aws';

export type VerificationState =
  | { status: 'verifying' }
  /** `restoredAt`: a result kept from an earlier session, recorded then (not verified in this one). */
  | { status: 'done'; result: AwsVerification; restoredAt?: string };

export interface BatchProgress {
  batchId: string;
  done: number;
  failed: number;
  total: number;
}

interface AwsVerificationState {
  byProfile: Record<string, VerificationState>;
  batch: BatchProgress | undefined;
  selected: ReadonlySet<string>;
  startVerifying(profiles: readonly string[]): void;
  record(result: AwsVerification): void;
  /** The results kept from earlier sessions, for the profiles this session has not verified yet. */
  restore(stored: readonly { result: AwsVerification; recordedAt: string }[]): void;
  startBatch(progress: BatchProgress): void;
  progress(progress: BatchProgress): void;
  endBatch(batchId: string): void;
  toggleSelected(profile: string): void;
  setSelected(profiles: Iterable<string>): void;
}

/** What the operator has verified this session, the batch in progress, and the selection. */
export const useAwsVerificationStore = create<AwsVerificationState>()((set) => ({
  byProfile: {},
  batch: undefined,
  selected: new Set(),
  startVerifying: (profiles) =>
    set((state) => {
      const byProfile = { ...state.byProfile };
      for (const profile of profiles) byProfile[profile] = { status: 'verifying' };
      return { byProfile };
    }),
  record: (result) =>
    set((state) => ({ byProfile: { ...state.byProfile, [result.profile]: { status: 'done', result } } })),
  restore: (stored) =>
    set((state) => {
      const byProfile = { ...state.byProfile };
      for (const { result, recordedAt } of stored) {
        byProfile[result.profile] ??= { status: 'done', result, restoredAt: recordedAt };
      }
      return { byProfile };
    }),
  startBatch: (batch) => set({ batch }),
  // Only this window's batch: a progress event that arrives after the call returned must not revive it.
  progress: (progress) => set((state) => (state.batch?.batchId === progress.batchId ? { batch: progress } : state)),
  endBatch: (batchId) => set((state) => (state.batch?.batchId === batchId ? { batch: undefined } : state)),
  toggleSelected: (profile) =>
    set((state) => {
      const selected = new Set(state.selected);
      if (selected.has(profile)) selected.delete(profile);
      else selected.add(profile);
      return { selected };
    }),
  setSelected: (profiles) => set({ selected: new Set(profiles) }),
}));
