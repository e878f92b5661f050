import { createHash } from 'node:crypto';
import { programConfirmationCodes } from '../../../shared/contract/program-confirmation';
import { CoreError } from '../core-error';
import type { HostPlatform } from '../platform';

/** What the operator is asked to allow: shown exactly as it will run. */
export interface ProgramToConfirm {
  /** Names the setting, and is part of the fingerprint: `token-command:enforce.dev`, `terraform-binary`. */
  kind: string;
  /** One line for the dialog: what the program is for. */
  purpose: string;
  /** Exactly what will run (the command line, or the binary's path). */
  program: string;
}

export type ConfirmationOutcome = 'confirmed' | 'declined' | 'launch-token-needed' | 'launch-token-wrong';

/** What the caller can offer as proof besides a native dialog: the web host's launch token. */
export interface ConfirmationProof {
  launchToken?: string | undefined;
}

/**
 * sha256 of the kind and the exact program, stored beside it. A stored program whose fingerprint does
 * not match (changed by anything but a confirmed setter, or saved before confirmation existed) is not run.
 */
export function programFingerprint(kind: string, program: string): string {
  return createHash('sha256').update(`${kind}\0${program}`).digest('hex');
}

export function isConfirmed(kind: string, program: string, fingerprint: string | null | undefined): boolean {
  return typeof fingerprint === 'string' && fingerprint === programFingerprint(kind, program);
}

/**
 * Asks the host to confirm the program and returns its fingerprint; throws a typed error (with the
 * `launchToken` field where the token is what is missing or wrong) when it is not confirmed.
 */
export async function confirmProgram(
  platform: HostPlatform,
  program: ProgramToConfirm,
  proof: ConfirmationProof,
): Promise<string> {
  const outcome = await platform.confirmProgram(program, proof);
  if (outcome === 'confirmed') return programFingerprint(program.kind, program.program);
  throw notConfirmed(outcome, program);
}

function notConfirmed(outcome: Exclude<ConfirmationOutcome, 'confirmed'>, program: ProgramToConfirm): CoreError {
  const where =
    'It is the part after ?token= in the address Liaison printed in its terminal when it started. Liaison asks for it before it runs a new program, so that no web page can set one on its own.';
  if (outcome === 'launch-token-needed') {
    return new CoreError({
      code: programConfirmationCodes.notConfirmed,
      field: 'launchToken',
      message: 'Enter the launch token to confirm this program.',
      remediation: where,
    });
  }
  if (outcome === 'launch-token-wrong') {
    return new CoreError({
      code: programConfirmationCodes.notConfirmed,
      field: 'launchToken',
      message: "That is not this launch's token; nothing was saved.",
      remediation: where,
    });
  }
  return new CoreError({
    code: programConfirmationCodes.notConfirmed,
    message: `You did not allow Liaison to run ${program.program}; nothing was saved.`,
    remediation: 'Save it again and choose Allow in the dialog if you trust this program.',
  });
}
