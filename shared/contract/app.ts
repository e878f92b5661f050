import { z } from 'zod';
import { appInfoSchema } from '../model';

export const appMethods = {
  getAppInfo: { input: z.object({}), output: appInfoSchema },
  /** The only way to leave the app: https links on an allow-list, opened in the system browser. */
  openExternal: {
    input: z.object({ url: z.url({ protocol: /^https$/, error: 'Only https links can be opened' }) }),
    output: z.discriminatedUnion('action', [
      z.object({ action: z.literal('opened') }),
      z.object({ action: z.literal('navigate'), url: z.string() }),
    ]),
  },
};

export const appEvents = {};
