import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api';

/**
 * What a service owes to serve calls `M` of the contract: one method per call, named as the call,
 * taking its parsed input and returning its output.
 */
export type ContractService<M extends MethodName> = {
  [K in M]: (input: ParsedInput<K>) => Promise<MethodOutput<K>> | MethodOutput<K>;
};

/** Every call a domain declares in `shared/contract/<domain>.ts`, served by one object. */
export type ServiceFor<Calls extends Partial<Record<MethodName, unknown>>> = ContractService<keyof Calls & MethodName>;

/**
 * The handlers for `calls`, bound to `service` (VS Code's `ProxyChannel.fromService` idea): the
 * service's own methods serve the contract, so no per-domain file renames arguments. Only the named
 * calls are exposed, never the service's other methods.
 */
export function serveContract<M extends MethodName>(
  service: ContractService<NoInfer<M>>,
  calls: readonly M[] | Readonly<Record<M, unknown>>,
): ContractService<M> {
  const names = (Array.isArray(calls) ? calls : Object.keys(calls)) as readonly M[];
  const served: Partial<Record<M, unknown>> = {};
  for (const name of names) {
    const method = service[name] as (input: unknown) => unknown;
    served[name] = (input: unknown) => method.call(service, input);
  }
  return served as ContractService<M>;
}
