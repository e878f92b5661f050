import type { z } from 'zod';

type Spec = { input: z.ZodType; output: z.ZodType };

/** The handlers a domain owes for the calls it declares in `shared/contract/<domain>.ts`. */
export type HandlersFor<T extends Record<string, Spec>> = {
  [M in keyof T]: (input: z.output<T[M]['input']>) => Promise<z.output<T[M]['output']>> | z.output<T[M]['output']>;
};
