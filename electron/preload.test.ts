import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiaisonBridge } from '../shared/api';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
  renderer: undefined as unknown as EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.renderer = new Emitter();
  return {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        if (fake.exposed.has(key)) throw new Error(`exposed twice: ${key}`);
        fake.exposed.set(key, api);
      },
    },
    // The real ipcRenderer is an EventEmitter plus invoke; so is this one.
    ipcRenderer: Object.assign(fake.renderer, { invoke: fake.invoke }),
  };
});

await import('./preload');
const bridge = fake.exposed.get('liaison') as LiaisonBridge;

beforeEach(() => {
  fake.invoke.mockReset();
  fake.renderer.removeAllListeners();
});

describe('preload', () => {
  it('exposes exactly one thing, `liaison`, with only call and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['liaison']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
  });

  it('forwards a contract call to its IPC channel and returns the envelope', async () => {
    fake.invoke.mockResolvedValue({ ok: true, value: [] });
    expect(await bridge.call('listGroups', {})).toEqual({ ok: true, value: [] });
    expect(fake.invoke).toHaveBeenCalledWith('liaison:call:listGroups', {});
  });

  it.each(['dropTables', 'toString', '__proto__', 'constructor'])(
    'answers the unknown method %s itself, without touching IPC',
    async (method) => {
      expect(await bridge.call(method, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(fake.invoke).not.toHaveBeenCalled();
    },
  );

  it('turns a failed invoke into a TRANSPORT envelope rather than a rejection', async () => {
    fake.invoke.mockRejectedValue(new Error("No handler registered for 'liaison:call:listGroups'"));
    expect(await bridge.call('listGroups', {})).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
  });

  it('gives a listener the payload only, never the IPC event with its sender', () => {
    const listener = vi.fn();
    bridge.on('groupsChanged', listener);
    const ipcEvent = { sender: fake.renderer, senderId: 0, ports: [] };
    fake.renderer.emit('liaison:event:groupsChanged', ipcEvent, { ids: ['a'] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ ids: ['a'] }]);
  });

  it('unsubscribes exactly the listener it added', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribe = bridge.on('groupsChanged', first);
    bridge.on('groupsChanged', second);
    unsubscribe();
    fake.renderer.emit('liaison:event:groupsChanged', {}, { ids: [] });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    expect(fake.renderer.listenerCount('liaison:event:groupsChanged')).toBe(1);
  });

  it('subscribes to nothing for an unknown event name', () => {
    const unsubscribe = bridge.on('anything', vi.fn());
    expect(fake.renderer.eventNames()).toEqual([]);
    expect(unsubscribe).not.toThrow();
  });
});
