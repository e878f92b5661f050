import { randomUUID } from 'node:crypto';
import type { EventBus } from '../event-bus';
import { CoreError } from '../core-error';
import { awsErrorCodes } from '../../../shared/contract/aws';

export const MFA_PROMPT_TIMEOUT_MS = 5 * 60_000;

interface PendingPrompt {
  profile: string;
  resolve: (code: string) => void;
  reject: (error: CoreError) => void;
  timer: NodeJS.Timeout;
}

/**
 * MFA codes come from the operator, across the boundary: `ask` emits `awsMfaRequested` and waits
 * for `answerAwsMfa` (or `cancelAwsMfa`, or the timeout); every window is told when it is settled.
 */
export class AwsMfaPrompts {
  readonly #pending = new Map<string, PendingPrompt>();
  readonly #events: EventBus;
  readonly #timeoutMs: number;

  constructor(events: EventBus, timeoutMs = MFA_PROMPT_TIMEOUT_MS) {
    this.#events = events;
    this.#timeoutMs = timeoutMs;
  }

  ask(profile: string, mfaSerial: string): Promise<string> {
    const requestId = randomUUID();
    const expiresAt = new Date(Date.now() + this.#timeoutMs).toISOString();
    const answer = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#settle(requestId)?.reject(
          new CoreError({
            code: awsErrorCodes.mfaTimedOut,
            message: `No MFA code was entered for "${profile}" within ${Math.round(this.#timeoutMs / 60_000)} minutes`,
            remediation: 'Verify the profile again and enter the code from your MFA device.',
          }),
        );
      }, this.#timeoutMs);
      this.#pending.set(requestId, { profile, resolve, reject, timer });
    });
    this.#events.emit('awsMfaRequested', { requestId, profile, mfaSerial, expiresAt });
    return answer;
  }

  answer(requestId: string, code: string): boolean {
    const pending = this.#settle(requestId);
    pending?.resolve(code);
    return pending !== undefined;
  }

  cancel(requestId: string): boolean {
    const pending = this.#settle(requestId);
    pending?.reject(cancelled(pending.profile));
    return pending !== undefined;
  }

  /** Ends every open prompt (the core is closing). */
  cancelAll(): void {
    for (const requestId of [...this.#pending.keys()]) this.cancel(requestId);
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  #settle(requestId: string): PendingPrompt | undefined {
    const pending = this.#pending.get(requestId);
    if (!pending) return undefined;
    this.#pending.delete(requestId);
    clearTimeout(pending.timer);
    this.#events.emit('awsMfaSettled', { requestId });
    return pending;
  }
}

function cancelled(profile: string): CoreError {
  return new CoreError({
    code: awsErrorCodes.mfaCancelled,
    message: `MFA code entry for "${profile}" was cancelled`,
    remediation: 'Verify the profile again when you have your MFA device.',
  });
}
