import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { IPC_CALL_PREFIX, methodNames } from '../shared/api';
import type { Core } from './core/core';
import { createTestCore } from '../test-support/core/test-core';
import { registerIpc, trustedSenderCheck, type EventSink, type InvokeEvent, type SenderFrame } from './ipc';

type Handler = (event: InvokeEvent, input: unknown) => Promise<unknown>;

const APP_FRAME: SenderFrame = { url: 'app://liaison/index.html', parent: null };

let core: Core;
let logs: string[];
let dispose: () => void;
let handlers: Map<string, Handler>;
let ipcMain: { handle: (channel: string, handler: Handler) => void; removeHandler: (channel: string) => void };
let sink: EventSink & {
  mainFrame: SenderFrame;
  destroyed: boolean;
  send: Mock<(channel: string, payload: unknown) => void>;
};
let unregister: () => void;

beforeEach(() => {
  ({ core, logs, dispose } = createTestCore());
  handlers = new Map();
  ipcMain = {
    handle: (channel, handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  sink = {
    mainFrame: APP_FRAME,
    destroyed: false,
    isDestroyed: () => sink.destroyed,
    send: vi.fn<(channel: string, payload: unknown) => void>(),
  };
  unregister = registerIpc(ipcMain, core, trustedSenderCheck(['app://liaison']), () => sink);
});
afterEach(() => {
  unregister();
  dispose();
});

function invoke(method: string, input: unknown, senderFrame: SenderFrame | null = APP_FRAME): Promise<unknown> {
  const handler = handlers.get(IPC_CALL_PREFIX + method);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler({ senderFrame }, input);
}

describe('registerIpc: calls', () => {
  it('registers one handler per contract method and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(methodNames.map((name) => IPC_CALL_PREFIX + name).sort());
  });

  it('round-trips a valid call from the app page to the core', async () => {
    const created = await invoke('createGroup', { mode: 'root', name: 'Platform' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Platform', description: '' } });
    const listed = await invoke('listGroups', {});
    expect(listed).toEqual({ ok: true, value: [(created as { value: unknown }).value] });
  });

  it('validates input before the core sees it, naming the field', async () => {
    const createGroup = vi.spyOn(core.handlers, 'createGroup');
    expect(await invoke('createGroup', { mode: 'existing', id: 'nope', name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'id' },
    });
    expect(createGroup).not.toHaveBeenCalled();
  });

  it.each<[string, SenderFrame | null]>([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a look-alike host on the app scheme', { url: 'app://liaison.evil/index.html', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['an iframe inside the app', { url: 'app://liaison/index.html', parent: APP_FRAME }],
    ['a frame that is already gone', null],
  ])('refuses %s with FORBIDDEN and never reaches the core', async (_label, frame) => {
    const createGroup = vi.spyOn(core.handlers, 'createGroup');
    const result = await invoke('createGroup', { mode: 'root', name: 'Sneaky' }, frame);
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(createGroup).not.toHaveBeenCalled();
    expect(await invoke('listGroups', {})).toEqual({ ok: true, value: [] });
    expect(logs.join('')).toContain('untrusted frame');
  });

  it('refuses a disposed frame whose properties throw, instead of throwing itself', async () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(await invoke('listGroups', {}, disposed)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('trusts a second origin only when given one (the dev server)', async () => {
    const devFrame = { url: 'http://localhost:5173/', parent: null };
    expect(await invoke('listGroups', {}, devFrame)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const devCheck = trustedSenderCheck(['app://liaison', 'http://localhost:5173']);
    expect(devCheck(devFrame)).toBe(true);
    expect(devCheck({ url: 'http://localhost:5174/', parent: null })).toBe(false);
  });

  it('removes every handler when unregistered', () => {
    unregister();
    expect(handlers.size).toBe(0);
    unregister = () => undefined;
  });
});

describe('registerIpc: events', () => {
  it('forwards a core event to the window on the event channel', async () => {
    const created = (await invoke('createGroup', { mode: 'root', name: 'Events' })) as { value: { id: string } };
    expect(sink.send).toHaveBeenCalledWith('liaison:event:groupsChanged', { ids: [created.value.id] });
  });

  it('sends only what the contract declares', () => {
    core.events.emit('groupsChanged', { ids: ['a'], secretAccessKey: 'AKIA-SECRET' } as never);
    expect(sink.send).toHaveBeenCalledWith('liaison:event:groupsChanged', { ids: ['a'] });
  });

  it('drops an event that does not match the contract', () => {
    core.events.emit('groupsChanged', { ids: 'not-a-list' } as never);
    expect(sink.send).not.toHaveBeenCalled();
    expect(logs.join('')).toContain('does not match the contract');
  });

  it('sends nothing to a destroyed window or a window showing a foreign page', () => {
    sink.destroyed = true;
    core.events.emit('groupsChanged', { ids: ['a'] });
    sink.destroyed = false;
    sink.mainFrame = { url: 'https://evil.example/', parent: null };
    core.events.emit('groupsChanged', { ids: ['b'] });
    expect(sink.send).not.toHaveBeenCalled();
  });

  it('stops forwarding once unregistered', () => {
    unregister();
    unregister = () => undefined;
    core.events.emit('groupsChanged', { ids: ['a'] });
    expect(sink.send).not.toHaveBeenCalled();
  });
});
