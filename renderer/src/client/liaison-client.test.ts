import { afterEach, describe, expect, it, vi } from 'vitest';
import { events, methods, type EventName, type MethodName } from '../../../shared/api';
import { fleetEvents } from '../../../shared/contract/fleet';
import { roleMethods } from '../../../shared/contract/roles';
import { errorCodes, LiaisonError } from '../../../shared/errors';
import { ContractRegistry, contractRegistry } from './contract-registry';
import { clientOver, httpClient } from './liaison-client';
import { startPageContract } from './start-page-contract';

/** A registry holding the start page's domains, counting how often it had to load the whole contract. */
function startPageRegistry() {
  const loads = { count: 0 };
  const registry = new ContractRegistry(() => {
    loads.count += 1;
    return Promise.resolve({ methods, events });
  });
  registry.register(...startPageContract);
  return { registry, loads };
}

/** A transport that answers every call with `value` and lets the test push event payloads. */
function transport(value: unknown) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: MethodName[] = [];
  return {
    calls,
    rawCall: (method: MethodName) => {
      calls.push(method);
      return Promise.resolve({ ok: true, value });
    },
    rawSubscribe: (event: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    emit: (event: EventName, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

const roleInput = { profile: 'dev', roleName: 'deployer' };
const policies = { roleName: 'deployer', attached: [], inline: [] };
const unreadable = { code: errorCodes.transport, message: 'The app returned an unreadable response' };

describe('the renderer client over a per-domain contract registry', () => {
  it('keeps lazy domains off the start page: their methods and events are not registered up front', () => {
    const { registry } = startPageRegistry();
    expect(registry.outputNow('getHealthOverview')).toBe(methods.getHealthOverview.output);
    expect(registry.eventNow('terraformRunChanged')).toBe(events.terraformRunChanged);
    expect(registry.outputNow('describeRolePolicies')).toBeUndefined();
    expect(registry.outputNow('listFleetRuns')).toBeUndefined();
    expect(registry.eventNow('fleetRunsChanged')).toBeUndefined();
  });

  it('parses a registered lazy domain’s output with its own schema, without loading the whole contract', async () => {
    const { registry, loads } = startPageRegistry();
    registry.register({ methods: roleMethods });
    const wire = transport({ ...policies, secretAccessKey: 'not declared, never crosses' });
    const client = clientOver(wire.rawCall, wire.rawSubscribe, registry);

    await expect(client.call('describeRolePolicies', roleInput)).resolves.toEqual(policies);
    expect(loads.count).toBe(0);
  });

  it('rejects a lazy domain’s malformed output with the transport LiaisonError', async () => {
    const { registry } = startPageRegistry();
    registry.register({ methods: roleMethods });
    const wire = transport({ roleName: 'deployer', attached: 'not a list' });
    const client = clientOver(wire.rawCall, wire.rawSubscribe, registry);

    const failure = await client.call('describeRolePolicies', roleInput).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LiaisonError);
    expect((failure as LiaisonError).error).toEqual(unreadable);
  });

  it('rejects a start-page domain’s malformed output with the same error', async () => {
    const { registry } = startPageRegistry();
    const wire = transport({ rows: 'not a list' });
    const client = clientOver(wire.rawCall, wire.rawSubscribe, registry);

    const failure = await client.call('getHealthOverview', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LiaisonError);
    expect((failure as LiaisonError).error).toEqual(unreadable);
  });

  it('loads the whole contract once for a domain nobody registered, and still parses and rejects', async () => {
    const { registry, loads } = startPageRegistry();
    const good = transport(policies);
    const bad = transport({ roleName: 42 });

    await expect(
      clientOver(good.rawCall, good.rawSubscribe, registry).call('describeRolePolicies', roleInput),
    ).resolves.toEqual(policies);
    await expect(
      clientOver(bad.rawCall, bad.rawSubscribe, registry).call('describeRolePolicies', roleInput),
    ).rejects.toMatchObject(unreadable);
    expect(loads.count).toBe(1);
    expect(registry.outputNow('listFleetRuns')).toBe(methods.listFleetRuns.output);
  });

  it('tries again when loading the contract failed, and never passes the output on unparsed', async () => {
    let attempts = 0;
    const registry = new ContractRegistry(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('chunk failed to load')) : Promise.resolve({ methods, events });
    });
    const wire = transport(policies);
    const client = clientOver(wire.rawCall, wire.rawSubscribe, registry);

    await expect(client.call('describeRolePolicies', roleInput)).rejects.toThrow('chunk failed to load');
    await expect(client.call('describeRolePolicies', roleInput)).resolves.toEqual(policies);
    expect(attempts).toBe(2);
  });

  it('parses a lazy domain’s events once its domain is loaded, in order, dropping malformed ones', async () => {
    let release: () => void = () => undefined;
    const registry = new ContractRegistry(
      () => new Promise((resolve) => (release = () => resolve({ methods, events: { ...events } }))),
    );
    registry.register(...startPageContract);
    const wire = transport(undefined);
    const client = clientOver(wire.rawCall, wire.rawSubscribe, registry);
    const received: unknown[] = [];
    client.on('fleetRunsChanged', (payload) => received.push(payload));

    wire.emit('fleetRunsChanged', { ids: ['a'] });
    wire.emit('fleetRunsChanged', { ids: 'not a list' });
    wire.emit('fleetRunsChanged', { ids: ['b'], extra: 'stripped' });
    expect(received).toEqual([]); // held: its schema has not loaded yet

    release();
    await expect.poll(() => received).toEqual([{ ids: ['a'] }, { ids: ['b'] }]);
    wire.emit('fleetRunsChanged', { ids: ['c'] });
    expect(received).toEqual([{ ids: ['a'] }, { ids: ['b'] }, { ids: ['c'] }]);
  });

  it('delivers a registered domain’s events at once, and nothing after unsubscribing', () => {
    const { registry, loads } = startPageRegistry();
    registry.register({ events: fleetEvents });
    const wire = transport(undefined);
    const client = clientOver(wire.rawCall, wire.rawSubscribe, registry);
    const received: unknown[] = [];
    const off = client.on('fleetRunsChanged', (payload) => received.push(payload));

    wire.emit('fleetRunsChanged', { ids: ['a'] });
    wire.emit('fleetRunsChanged', { ids: [1] });
    off();
    wire.emit('fleetRunsChanged', { ids: ['b'] });
    expect(received).toEqual([{ ids: ['a'] }]);
    expect(loads.count).toBe(0);
  });

  it('drops the held events of a subscription that ended before its domain loaded', async () => {
    const { registry, loads } = startPageRegistry();
    const wire = transport(undefined);
    const client = clientOver(wire.rawCall, wire.rawSubscribe, registry);
    const received: unknown[] = [];
    const off = client.on('fleetRunsChanged', (payload) => received.push(payload));
    wire.emit('fleetRunsChanged', { ids: ['a'] });
    off();

    await expect.poll(() => registry.eventNow('fleetRunsChanged')).toBe(events.fleetRunsChanged);
    expect(loads.count).toBe(1);
    expect(received).toEqual([]);
  });

  it('the renderer’s own registry loads the real contract for a domain nobody registered', async () => {
    await expect(contractRegistry.output('exportFleetReport')).resolves.toBe(methods.exportFleetReport.output);
    await expect(contractRegistry.event('fleetProgress')).resolves.toBe(events.fleetProgress);
  });
});

/** The browser's EventSource, reduced to what the client uses: named listeners, fed by the test. */
class RecordingEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: RecordingEventSource[] = [];
  readyState = RecordingEventSource.CONNECTING;
  readonly listeners = new Map<string, ((message: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    RecordingEventSource.opened.push(this);
  }
  addEventListener(name: string, listener: (message: { data: string }) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  send(name: string, payload: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) listener({ data: JSON.stringify(payload) });
  }
  /** The connection's state changes as the browser announces them: `open`, or `error` (then it retries). */
  announce(state: 'open' | 'error'): void {
    this.readyState = state === 'open' ? RecordingEventSource.OPEN : RecordingEventSource.CONNECTING;
    for (const listener of this.listeners.get(state) ?? []) listener({ data: '' });
  }
}

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

afterEach(() => {
  vi.unstubAllGlobals();
  RecordingEventSource.opened = [];
});

describe('httpClient events', () => {
  it('opens one EventSource and listens only to the events something subscribed to', () => {
    vi.stubGlobal('EventSource', RecordingEventSource);
    contractRegistry.register({ events: fleetEvents });
    const client = httpClient('http://127.0.0.1:1');
    const heard: unknown[] = [];
    const unsubscribe = client.on('fleetRunsChanged', (event) => heard.push(event));
    client.on('fleetRunsChanged', () => undefined);

    expect(RecordingEventSource.opened).toHaveLength(1);
    const source = RecordingEventSource.opened[0] as RecordingEventSource;
    expect(source.url).toBe('http://127.0.0.1:1/api/events');
    expect([...source.listeners.keys()].filter((name) => name !== 'open' && name !== 'error')).toEqual([
      'fleetRunsChanged',
    ]);
    expect(source.listeners.get('fleetRunsChanged')).toHaveLength(1);

    source.send('fleetRunsChanged', { ids: ['a'] });
    source.send('fleetRunsChanged', { notIds: true });
    expect(heard).toEqual([{ ids: ['a'] }]);

    unsubscribe();
    source.send('fleetRunsChanged', { ids: ['b'] });
    expect(heard).toEqual([{ ids: ['a'] }]);
  });
});

describe('httpClient event stream', () => {
  it('says when the stream is open, so data asked for after it cannot miss an event', async () => {
    vi.stubGlobal('EventSource', RecordingEventSource);
    const client = httpClient('http://127.0.0.1:1');
    const opened = client.openEvents?.();
    expect(opened).toBeDefined();
    expect(RecordingEventSource.opened).toHaveLength(1);
    const source = RecordingEventSource.opened[0] as RecordingEventSource;
    expect(await settled(opened as Promise<void>)).toBe(false);
    source.announce('open');
    expect(await settled(opened as Promise<void>)).toBe(true);
    // Subscribing afterwards reuses the same stream.
    client.on('fleetRunsChanged', () => undefined);
    expect(RecordingEventSource.opened).toHaveLength(1);
  });

  it('lets the app start when the stream cannot open', async () => {
    vi.stubGlobal('EventSource', RecordingEventSource);
    const client = httpClient('http://127.0.0.1:1');
    const opened = client.openEvents?.() as Promise<void>;
    (RecordingEventSource.opened[0] as RecordingEventSource).announce('error');
    expect(await settled(opened)).toBe(true);
  });

  it('uses a stream the page opened before the app loaded, and needs no wait if it is open', async () => {
    vi.stubGlobal('EventSource', RecordingEventSource);
    const early = new RecordingEventSource('/api/events');
    early.announce('open');
    const client = httpClient('', early as unknown as EventSource);
    expect(await settled(client.openEvents?.() as Promise<void>)).toBe(true);
    const heard: unknown[] = [];
    client.on('fleetRunsChanged', (event) => heard.push(event));
    early.send('fleetRunsChanged', { ids: ['a'] });
    expect(heard).toEqual([{ ids: ['a'] }]);
    expect(RecordingEventSource.opened).toEqual([early]);
  });

  it('opens a stream of its own when the one the page opened early was refused for good', async () => {
    vi.stubGlobal('EventSource', RecordingEventSource);
    const early = new RecordingEventSource('/api/events');
    early.readyState = RecordingEventSource.CLOSED;
    const client = httpClient('', early as unknown as EventSource);
    const opened = client.openEvents?.() as Promise<void>;
    expect(RecordingEventSource.opened).toHaveLength(2);
    const own = RecordingEventSource.opened[1] as RecordingEventSource;
    expect(own.url).toBe('/api/events');
    expect(await settled(opened)).toBe(false);
    own.announce('open');
    expect(await settled(opened)).toBe(true);
  });

  it('tells its listeners when a stream that failed to open at first opens after all', async () => {
    vi.stubGlobal('EventSource', RecordingEventSource);
    const client = httpClient('http://127.0.0.1:1');
    let reopened = 0;
    client.onEventsReopened?.(() => (reopened += 1));
    const opened = client.openEvents?.() as Promise<void>;
    const source = RecordingEventSource.opened[0] as RecordingEventSource;
    source.announce('error');
    // The app starts without events, and whatever it asked for meanwhile is asked for again.
    expect(await settled(opened)).toBe(true);
    expect(reopened).toBe(0);
    source.announce('open');
    expect(reopened).toBe(1);
  });

  it('tells its listeners when the stream opens again after a drop, not at the first open', () => {
    vi.stubGlobal('EventSource', RecordingEventSource);
    const client = httpClient('http://127.0.0.1:1');
    let reopened = 0;
    const stop = client.onEventsReopened?.(() => (reopened += 1));
    void client.openEvents?.();
    const source = RecordingEventSource.opened[0] as RecordingEventSource;
    source.announce('open');
    expect(reopened).toBe(0);
    source.announce('error');
    expect(reopened).toBe(0);
    source.announce('open');
    expect(reopened).toBe(1);
    stop?.();
    source.announce('error');
    source.announce('open');
    expect(reopened).toBe(1);
  });
});
