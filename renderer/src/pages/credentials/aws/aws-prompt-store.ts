import { create } from 'zustand';
import type { EventPayload } from '../../../../../shared/api';
import type { AwsSsoSignIn } from '../../../../../shared/contract/aws';

export type MfaRequest = EventPayload<'awsMfaRequested'>;

interface AwsPromptState {
  /** MFA prompts the core is waiting on, oldest first; the dialog shows the first. */
  mfaRequests: MfaRequest[];
  /** The SSO sign-in in progress (one at a time is shown). */
  signIn: AwsSsoSignIn | undefined;
  addMfaRequest(request: MfaRequest): void;
  removeMfaRequest(requestId: string): void;
  showSignIn(signIn: AwsSsoSignIn): void;
  clearSignIn(signInId: string): void;
  /** How many prompt hosts are mounted: only the first renders dialogs, so mounting twice is harmless. */
  hosts: number[];
}

let nextHost = 1;
export const newPromptHostId = (): number => nextHost++;

export const useAwsPromptStore = create<AwsPromptState>()((set) => ({
  mfaRequests: [],
  signIn: undefined,
  hosts: [],
  addMfaRequest: (request) =>
    set((state) =>
      state.mfaRequests.some((r) => r.requestId === request.requestId)
        ? state
        : { mfaRequests: [...state.mfaRequests, request] },
    ),
  removeMfaRequest: (requestId) =>
    set((state) => ({ mfaRequests: state.mfaRequests.filter((r) => r.requestId !== requestId) })),
  showSignIn: (signIn) => set({ signIn }),
  clearSignIn: (signInId) => set((state) => (state.signIn?.signInId === signInId ? { signIn: undefined } : state)),
}));
