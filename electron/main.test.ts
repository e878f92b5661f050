import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_PREFIX, methodNames } from '../shared/api';
import type { InvokeEvent } from './ipc';

type Listener = (...args: unknown[]) => void;
type Handler = (event: InvokeEvent, input: unknown) => Promise<unknown>;

/** Just enough of Electron for main.ts to run its whole start-up against. */
const fake = vi.hoisted(() => {
  const state = {
    lock: true,
    isPackaged: true,
    userData: '',
    releaseReady: (() => undefined) as () => void,
    appListeners: new Map<string, Listener[]>(),
    ipcHandlers: new Map<string, Handler>(),
    windows: [] as FakeWindow[],
  };

  class FakeWindow {
    readonly listeners = new Map<string, Listener>();
    minimized = false;
    readonly webContents = {
      mainFrame: { url: 'app://liaison/index.html', parent: null },
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      isDestroyed: () => false,
      send: vi.fn(),
    };
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    once(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
  }

  const electron = {
    app: {
      on: vi.fn((event: string, listener: Listener) => {
        state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
      }),
      requestSingleInstanceLock: vi.fn(() => state.lock),
      whenReady: vi.fn(() => new Promise<void>((resolve) => (state.releaseReady = resolve))),
      enableSandbox: vi.fn(),
      getPath: vi.fn((name: string) => (name === 'userData' ? state.userData : '/nowhere')),
      getVersion: () => '9.9.9',
      get isPackaged() {
        return state.isPackaged;
      },
      quit: vi.fn(),
      exit: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Handler) => state.ipcHandlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => state.ipcHandlers.delete(channel)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn() },
    nativeTheme: { shouldUseDarkColors: false },
    BrowserWindow: FakeWindow,
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

let dataDir: string;
const savedEnv = { ...process.env };

beforeEach(() => {
  vi.clearAllMocks();
  vi.resetModules();
  Object.assign(fake.state, { lock: true, isPackaged: true, windows: [] });
  fake.state.appListeners.clear();
  fake.state.ipcHandlers.clear();
  dataDir = mkdtempSync(join(tmpdir(), 'liaison-main-'));
  fake.state.userData = join(dataDir, 'user-data');
  process.env.LIAISON_DATA_DIR = dataDir;
  process.env.LIAISON_LOG_LEVEL = 'silent';
  delete process.env.ELECTRON_RENDERER_URL;
});

afterEach(() => {
  emitApp('will-quit');
  process.env = { ...savedEnv };
  rmSync(dataDir, { recursive: true, force: true });
});

function emitApp(event: string, ...args: unknown[]): void {
  for (const listener of fake.state.appListeners.get(event) ?? []) listener(...args);
}

/** Imports main.ts (which runs it), then lets `ready` fire and waits for a window or an exit. */
async function startApp(): Promise<void> {
  await import('./main');
  fake.state.releaseReady();
  await vi.waitFor(() => {
    if (fake.state.windows.length === 0 && fake.electron.app.exit.mock.calls.length === 0) {
      throw new Error('still starting');
    }
  });
}

function call(method: string, input: unknown, url = 'app://liaison/index.html'): Promise<unknown> {
  const handler = fake.state.ipcHandlers.get(IPC_CALL_PREFIX + method);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler({ senderFrame: { url, parent: null } }, input);
}

describe('main: before ready', () => {
  it('registers the privileged app scheme and the sandbox before anything else can start', async () => {
    await import('./main');
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    expect(fake.electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
  });

  it('leaves at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    await import('./main');
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
  });
});

describe('main: on ready', () => {
  it('wires the core, IPC, protocol, session policy, menu and window', async () => {
    await startApp();
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(methodNames.map((m) => IPC_CALL_PREFIX + m).sort());
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();
    const window = fake.state.windows[0]!;
    expect(window.loadURL).toHaveBeenCalledWith('app://liaison/index.html');
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      preload: expect.stringMatching(/preload[\\/]preload\.cjs$/),
    });
  });

  it('gives the core the desktop platform, the app version and LIAISON_DATA_DIR', async () => {
    await startApp();
    expect(await call('getAppInfo', {})).toEqual({
      ok: true,
      value: { name: 'Liaison', version: '9.9.9', host: 'electron', dataDir },
    });
  });

  it("uses Electron's userData directory when LIAISON_DATA_DIR is not set", async () => {
    delete process.env.LIAISON_DATA_DIR;
    await startApp();
    expect(await call('getAppInfo', {})).toMatchObject({ value: { dataDir: fake.state.userData } });
  });

  it('answers the app page and refuses a foreign one', async () => {
    await startApp();
    expect(await call('listGroups', {})).toEqual({ ok: true, value: [] });
    expect(await call('listGroups', {}, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it("pushes core events to the main window's page", async () => {
    await startApp();
    const created = (await call('createGroup', { mode: 'root', name: 'Pushed' })) as { value: { id: string } };
    expect(fake.state.windows[0]!.webContents.send).toHaveBeenCalledWith('liaison:event:groupsChanged', {
      ids: [created.value.id],
    });
  });

  it('explains a corrupt database in a dialog and exits without a window', async () => {
    writeFileSync(join(dataDir, 'liaison.db'), 'this is not a database, it is a grocery list');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startApp();
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Liaison cannot start',
      expect.stringMatching(/cannot be read[\s\S]*\n\nMove the file aside/),
    );
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1);
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.ipcHandlers.size).toBe(0);
    consoleError.mockRestore();
  });
});

describe('main: lifecycle', () => {
  it.skipIf(process.platform === 'darwin')('quits when the last window closes', async () => {
    await startApp();
    emitApp('window-all-closed');
    expect(fake.electron.app.quit).toHaveBeenCalled();
  });

  it('closes the core and the IPC handlers on will-quit', async () => {
    await startApp();
    const listGroups = fake.state.ipcHandlers.get(IPC_CALL_PREFIX + 'listGroups')!;
    emitApp('will-quit');
    expect(fake.state.ipcHandlers.size).toBe(0);
    // The handler captured before quitting now meets a closed database.
    const late = await listGroups({ senderFrame: { url: 'app://liaison/index.html', parent: null } }, {});
    expect(late).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('brings the existing window forward when a second instance starts', async () => {
    await startApp();
    const window = fake.state.windows[0]!;
    window.minimized = true;
    emitApp('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('opens a new window on activate once the last one has closed', async () => {
    await startApp();
    emitApp('activate');
    expect(fake.state.windows).toHaveLength(1);
    fake.state.windows[0]!.listeners.get('closed')!();
    emitApp('activate');
    expect(fake.state.windows).toHaveLength(2);
  });

  it('loads the dev server only when unpackaged', async () => {
    fake.state.isPackaged = false;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    await startApp();
    expect(fake.state.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(await call('listGroups', {}, 'http://localhost:5173/')).toMatchObject({ ok: true });
  });
});

describe('applicationMenuTemplate', () => {
  it('has the app menu on macOS only, and developer tools only when unpackaged', async () => {
    const { applicationMenuTemplate } = await import('./main');
    const roles = (template: ReturnType<typeof applicationMenuTemplate>) =>
      JSON.stringify(template).match(/"role":"\w+"/g) ?? [];
    expect(roles(applicationMenuTemplate('darwin', true))).toContain('"role":"appMenu"');
    expect(roles(applicationMenuTemplate('linux', true))).not.toContain('"role":"appMenu"');
    expect(roles(applicationMenuTemplate('linux', true))).not.toContain('"role":"toggleDevTools"');
    expect(roles(applicationMenuTemplate('linux', false))).toContain('"role":"toggleDevTools"');
    expect(roles(applicationMenuTemplate('win32', true))).toContain('"role":"editMenu"');
  });
});
