import type { z } from 'zod';
import { adoptionMethods } from './contract/adoption';
import { appEvents, appMethods } from './contract/app';
import { associationEvents, associationMethods } from './contract/associations';
import { checkEvents, checkMethods } from './contract/checks';
import { fleetEvents, fleetMethods } from './contract/fleet';
import { awsEvents, awsMethods } from './contract/aws';
import { gcpEvents, gcpMethods } from './contract/gcp';
import { gcpFolderEvents, gcpFolderMethods } from './contract/gcp-folders';
import { groupEvents, groupMethods } from './contract/groups';
import { healthEvents, healthMethods } from './contract/health';
import { platformEvents, platformMethods } from './contract/platform';
import { organizationEvents, organizationMethods } from './contract/organizations';
import { roleRecipeMethods } from './contract/role-recipes';
import { roleEvents, roleMethods } from './contract/roles';
import { terraformEvents, terraformMethods } from './contract/terraform';

/**
 * The one contract between the renderer and the main process. Both transports (Electron IPC and the
 * loopback web host) are built from it, inputs are validated against it in the main process, and
 * outputs are parsed through it so nothing undeclared (a secret, say) can cross (the renderer parses
 * with each domain's schemas as its pages load: renderer/src/client/contract-registry.ts).
 * Each domain declares its calls in `shared/contract/<domain>.ts`; this file only joins them.
 */
export const methods = {
  ...appMethods,
  ...groupMethods,
  ...associationMethods,
  ...gcpMethods,
  ...awsMethods,
  ...terraformMethods,
  ...checkMethods,
  ...healthMethods,
  ...platformMethods,
  ...organizationMethods,
  ...gcpFolderMethods,
  ...adoptionMethods,
  ...roleMethods,
  ...fleetMethods,
  ...roleRecipeMethods,
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Events the main process pushes to the renderer. */
export const events = {
  ...appEvents,
  ...groupEvents,
  ...associationEvents,
  ...gcpEvents,
  ...awsEvents,
  ...terraformEvents,
  ...checkEvents,
  ...healthEvents,
  ...platformEvents,
  ...organizationEvents,
  ...gcpFolderEvents,
  ...roleEvents,
  ...fleetEvents,
} satisfies Record<string, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** What either transport gives the renderer: calls and event subscriptions, nothing else. */
export interface LiaisonClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Opens the event stream and resolves once the events emitted from then on reach the listeners
   * (or once it has failed to open). Absent where that holds as soon as `on` returns (Electron's IPC).
   */
  openEvents?(): Promise<void>;
  /** Calls `listener` each time the event stream opens again after a drop: the events in the gap were lost. */
  onEventsReopened?(listener: () => void): () => void;
}

/** The raw bridge the Electron preload exposes on `window.liaison` (results are envelopes, not throws). */
export interface LiaisonBridge {
  call(method: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export const IPC_CALL_PREFIX = 'liaison:call:';
export const IPC_EVENT_PREFIX = 'liaison:event:';
