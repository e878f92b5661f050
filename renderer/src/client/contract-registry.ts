import type { z } from 'zod';
import type { EventName, Events, MethodName, Methods } from '../../../shared/api';
import { startPageContract } from './start-page-contract';

/** One domain's share of the contract, exactly as `shared/contract/<domain>.ts` declares it. */
export interface ContractDomain {
  methods?: Partial<Methods>;
  events?: Partial<Events>;
}

/** Loads every domain at once (`shared/api`): for a call or event whose domain nobody registered. */
export type LoadWholeContract = () => Promise<{ methods: Methods; events: Events }>;

/**
 * The schemas the renderer parses outputs and events with, by name. A domain registers when the code
 * that calls it loads (the start page's domains with the client, the others with their data hooks),
 * so a page's schemas load alongside the page rather than all of them on the first route.
 * A name nobody registered loads the whole contract once, so an output is never passed on unparsed.
 */
export class ContractRegistry {
  readonly #outputs = new Map<string, z.ZodType>();
  readonly #events = new Map<string, z.ZodType>();
  readonly #loadWhole: LoadWholeContract;
  #whole: Promise<void> | undefined;

  constructor(loadWhole: LoadWholeContract) {
    this.#loadWhole = loadWhole;
  }

  register(...domains: readonly ContractDomain[]): void {
    for (const domain of domains) {
      for (const [name, method] of Object.entries(domain.methods ?? {})) this.#outputs.set(name, method.output);
      for (const [name, schema] of Object.entries(domain.events ?? {})) this.#events.set(name, schema);
    }
  }

  /** The schema now, if its domain is registered (the usual case: no await, no extra chunk). */
  outputNow(method: MethodName): z.ZodType | undefined {
    return this.#outputs.get(method);
  }

  eventNow(event: EventName): z.ZodType | undefined {
    return this.#events.get(event);
  }

  async output(method: MethodName): Promise<z.ZodType | undefined> {
    return this.outputNow(method) ?? (await this.#registerWhole(), this.outputNow(method));
  }

  async event(event: EventName): Promise<z.ZodType | undefined> {
    return this.eventNow(event) ?? (await this.#registerWhole(), this.eventNow(event));
  }

  #registerWhole(): Promise<void> {
    this.#whole ??= this.#loadWhole().then(
      (whole) => this.register(whole),
      (error: unknown) => {
        this.#whole = undefined; // a failed chunk load may succeed on the next call
        throw error;
      },
    );
    return this.#whole;
  }
}

/** The renderer's one registry: what the data hooks register into and the client parses with. */
export const contractRegistry = new ContractRegistry(() => import('../../../shared/api'));
contractRegistry.register(...startPageContract);

/** Registers a domain's schemas with the renderer's client; call it at the top of the domain's data hooks. */
export function registerContract(...domains: readonly ContractDomain[]): void {
  contractRegistry.register(...domains);
}
