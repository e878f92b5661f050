import type { ConfirmationOutcome, ConfirmationProof, ProgramToConfirm } from './programs/program-confirmation';

/**
 * What differs between the desktop and the browser host. Electron implements it with native
 * abilities; the web host in browser terms (the renderer follows a link itself).
 */
export interface HostPlatform {
  readonly host: 'electron' | 'web';
  /** Opens an already allow-listed https URL; 'navigate' asks the renderer to open it as a link. */
  openExternal(url: string): Promise<'opened' | 'navigate'>;
  /**
   * Shows a desktop notification; 'toast' when the host has none (the browser, or an OS without
   * notifications), leaving the renderer's in-page toast to tell the operator.
   */
  notify(title: string, body: string): 'shown' | 'toast';
  /**
   * Asks the operator, in a way the renderer cannot forge, to allow a program the API has set: a native
   * dialog from the main process in Electron; the launch token in `proof`, checked by the web host.
   */
  confirmProgram(program: ProgramToConfirm, proof: ConfirmationProof): Promise<ConfirmationOutcome>;
}

export const webPlatform: HostPlatform = {
  host: 'web',
  openExternal: () => Promise.resolve('navigate'),
  notify: () => 'toast',
  // A host without a launch token (the CLI) has no way to ask: nothing it is given is allowed to run.
  confirmProgram: () => Promise.resolve('declined'),
};
