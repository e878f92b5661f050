import type { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiaisonBridge } from '../shared/api';
import { createTestCore } from '../test-support/core/test-core';
import { registerIpc, trustedSenderCheck, type InvokeEvent } from './ipc';
import { startWebHost, type WebHost } from './web/server';

/**
 * One contract, two transports: the same calls through the Electron path (preload bridge → IPC →
 * registerIpc → core) and the web path (HTTP + SSE → web host → core) must give the same answers.
 * Each transport has its own real core, so generated ids and timestamps are normalized away.
 */

type Handler = (event: InvokeEvent, input: unknown) => Promise<unknown>;

const wire = vi.hoisted(() => ({
  appFrame: { url: 'app://liaison/index.html', parent: null },
  exposed: new Map<string, unknown>(),
  ipcHandlers: new Map<string, Handler>(),
  renderer: undefined as unknown as EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  wire.renderer = new Emitter();
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => wire.exposed.set(key, api) },
    // invoke crosses to the handlers registered on the fake ipcMain, serialized as IPC would.
    ipcRenderer: Object.assign(wire.renderer, {
      invoke: async (channel: string, input: unknown) => {
        const handler = wire.ipcHandlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return structuredClone(await handler({ senderFrame: wire.appFrame }, structuredClone(input)));
      },
    }),
  };
});

type Transport = {
  call(method: string, input: unknown): Promise<unknown>;
  nextEvent(name: string): Promise<unknown>;
};

const disposers: (() => unknown)[] = [];
let ipc: Transport;
let web: Transport;

beforeAll(async () => {
  ipc = await electronTransport();
  web = await webTransport();
});
afterAll(async () => {
  for (const dispose of disposers.reverse()) await dispose();
});

async function electronTransport(): Promise<Transport> {
  const { core, dispose } = createTestCore();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => wire.ipcHandlers.set(channel, handler),
    removeHandler: (channel: string) => wire.ipcHandlers.delete(channel),
  };
  // The main window's webContents: send lands on the renderer's ipcRenderer, as an IPC event would.
  const webContents = {
    mainFrame: wire.appFrame,
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) =>
      wire.renderer.emit(channel, { sender: 'ipc-renderer-event' }, structuredClone(payload)),
  };
  const unregister = registerIpc(ipcMain, core, trustedSenderCheck(['app://liaison']), () => webContents);
  disposers.push(dispose, unregister);
  await import('./preload');
  const bridge = wire.exposed.get('liaison') as LiaisonBridge;
  return {
    call: (method, input) => bridge.call(method, input),
    nextEvent: (name) =>
      new Promise((resolve) => {
        const unsubscribe = bridge.on(name, (...args: unknown[]) => {
          unsubscribe();
          resolve(args.length === 1 ? args[0] : { unexpectedArguments: args });
        });
      }),
  };
}

async function webTransport(): Promise<Transport> {
  const { core, dispose } = createTestCore();
  const host: WebHost = await startWebHost({ core, port: 0, token: 't' });
  disposers.push(dispose, () => host.close());
  const base = `http://127.0.0.1:${host.port}`;
  const login = await fetch(`${base}/?token=t`, { redirect: 'manual' });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`no session cookie (status ${login.status})`);
  return {
    call: async (method, input) => {
      const response = await fetch(`${base}/api/call/${method}`, {
        method: 'POST',
        headers: { cookie, origin: base, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return response.json();
    },
    nextEvent: async (name) => {
      const response = await fetch(`${base}/api/events`, { headers: { cookie } });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      // Subscribed once the stream's first comment arrives; the caller then triggers the event.
      const payload = (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`event stream ended before ${name}: ${text}`);
          text += decoder.decode(value, { stream: true });
          const match = new RegExp(`event: ${name}\\ndata: (.*)\\n\\n`).exec(text);
          if (match) {
            // Cancelling the body itself (not a piped copy) is what closes the connection at once.
            await reader.cancel();
            return JSON.parse(match[1]!) as unknown;
          }
        }
      })();
      await vi.waitFor(() => expect(text).toContain(': connected'));
      return payload;
    },
  };
}

/** Generated ids become `<id1>`, `<id2>`… in order of appearance, timestamps `<time>`, data dirs `<dir>`. */
function normalize(value: unknown, ids = new Map<string, string>()): unknown {
  if (typeof value === 'string') {
    if (/^[0-9a-f]{40}(\/[0-9a-f]{16})*$/.test(value)) {
      if (!ids.has(value)) ids.set(value, `<id${ids.size + 1}>`);
      return ids.get(value);
    }
    if (/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value)) return '<time>';
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => normalize(item, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, key === 'dataDir' ? '<dir>' : normalize(item, ids)]),
    );
  }
  return value;
}

/** The same scenario, whatever the transport: every step's raw envelope, in order. */
async function scenario(transport: Transport): Promise<unknown[]> {
  const results: unknown[] = [];
  const step = async (method: string, input: unknown) => {
    const result = (await transport.call(method, input)) as { ok: boolean; value?: Record<string, unknown> };
    results.push(result);
    return result;
  };
  await step('getAppInfo', {});
  const root = await step('createGroup', { mode: 'root', name: 'Platform', description: 'Root group' });
  const rootId = root.value?.id;
  await step('listGroups', {});
  await step('updateGroup', { id: rootId, name: 'Platform team' });
  await step('createGroup', { mode: 'existing', id: 'not-a-uidp', name: 'Pasted' });
  await step('createGroup', { mode: 'child', parentId: rootId, name: 'Payments' });
  await step('updateGroup', { id: 'f'.repeat(40), name: 'Ghost' });
  await step('openExternal', { url: 'https://evil.example/' });
  await step('dropTables', {});
  await step('deleteGroup', { id: rootId });
  await step('listGroups', {});
  return results;
}

describe('the contract over both transports', () => {
  let overIpc: unknown[];
  let overWeb: unknown[];

  beforeAll(async () => {
    overIpc = normalize(await scenario(ipc)) as unknown[];
    overWeb = normalize(await scenario(web)) as unknown[];
  });

  it('gives the same envelope for every call', () => {
    expect(overIpc).toHaveLength(11);
    expect(overIpc).toEqual(overWeb);
  });

  it('gives the answers the contract promises (so "the same" is not "equally wrong")', () => {
    const [info, created, listed, updated, badId, child, missing, external, unknown, deleted, empty] = overIpc;
    expect(info).toEqual({
      ok: true,
      value: { name: 'Liaison', version: '0.0.0-test', host: 'web', dataDir: '<dir>' },
    });
    expect(created).toEqual({
      ok: true,
      value: { id: '<id1>', name: 'Platform', description: 'Root group', createdAt: '<time>', updatedAt: '<time>' },
    });
    expect(listed).toEqual({ ok: true, value: [(created as { value: unknown }).value] });
    expect(updated).toMatchObject({ ok: true, value: { id: '<id1>', name: 'Platform team' } });
    expect(badId).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'id' } });
    expect(child).toMatchObject({ ok: true, value: { id: '<id2>', name: 'Payments' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(external).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'url' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(deleted).toEqual({ ok: true, value: { deletedIds: expect.arrayContaining(['<id1>', '<id2>']) } });
    expect(empty).toEqual({ ok: true, value: [] });
  });
});

describe('core events reach the renderer over both transports', () => {
  it.each([
    ['IPC', () => ipc],
    ['the web host', () => web],
  ])('over %s, with the payload alone', async (_label, transport) => {
    const event = transport().nextEvent('groupsChanged');
    const created = (await transport().call('createGroup', { mode: 'root', name: 'Evented' })) as {
      value: { id: string };
    };
    expect(await event).toEqual({ ids: [created.value.id] });
  });
});
