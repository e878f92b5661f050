import { z } from 'zod';

/*
 * A program Liaison will run that the API can set (a token command, a Terraform binary) takes effect
 * only after a confirmation the renderer cannot forge: a native dialog in Electron, the launch token
 * re-entered in the web host. These are the shapes every such setter shares.
 */

/** The web host's launch token, re-entered to confirm; ignored by Electron, which asks natively. */
export const launchTokenSchema = z.string().max(256, 'Too long').optional();

export const programConfirmationCodes = {
  notConfirmed: 'PROGRAM_NOT_CONFIRMED',
} as const;
