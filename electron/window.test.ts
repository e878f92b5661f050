import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  class FakeWebContents {
    readonly events = new Map<string, ((...args: unknown[]) => void)[]>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    on(event: string, listener: (...args: unknown[]) => void): this {
      this.events.set(event, [...(this.events.get(event) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
  }
  class FakeBrowserWindow {
    static instances: FakeBrowserWindow[] = [];
    static loadResult: Promise<void> = Promise.resolve();
    readonly webContents = new FakeWebContents();
    readonly onceListeners = new Map<string, () => void>();
    readonly loadURL = vi.fn(() => FakeBrowserWindow.loadResult);
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.instances.push(this);
    }
    once(event: string, listener: () => void): this {
      this.onceListeners.set(event, listener);
      return this;
    }
  }
  return { FakeBrowserWindow, nativeTheme: { shouldUseDarkColors: false } };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow, nativeTheme: fake.nativeTheme }));

const { createMainWindow, installNavigationGuards, installSessionPolicy, rendererEntry, secureWebPreferences } =
  await import('./window');

/** A WebContents stand-in that emits like the real one, so the guards are exercised through events. */
function guardedContents() {
  const contents = Object.assign(new EventEmitter(), {
    openHandler: undefined as ((details: { url: string }) => { action: 'deny' }) | undefined,
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      contents.openHandler = handler;
    },
  });
  return contents;
}

function navigate(contents: EventEmitter, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  let prevented = false;
  contents.emit(event, { url, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('secureWebPreferences', () => {
  const preferences = secureWebPreferences('/app/out/preload/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(preferences[key]).toBe(value);
  });

  it('sets the preload and nothing beyond the checklist', () => {
    expect(preferences.preload).toBe('/app/out/preload/preload.cjs');
    expect(Object.keys(preferences)).toHaveLength(10);
  });
});

describe('installNavigationGuards', () => {
  const origins = ['app://liaison'];

  it.each(['will-navigate', 'will-redirect'] as const)('%s: stays on the app, refuses anywhere else', (event) => {
    const contents = guardedContents();
    installNavigationGuards(contents, origins);
    expect(navigate(contents, event, 'app://liaison/index.html')).toBe(false);
    expect(navigate(contents, event, 'app://liaison/groups?x=1')).toBe(false);
    expect(navigate(contents, event, 'https://evil.example/')).toBe(true);
    expect(navigate(contents, event, 'app://evil/index.html')).toBe(true);
    expect(navigate(contents, event, 'http://localhost:5173/')).toBe(true);
    expect(navigate(contents, event, 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, event, 'javascript:alert(1)')).toBe(true);
  });

  it('denies every new window, even to the app itself', () => {
    const contents = guardedContents();
    installNavigationGuards(contents, origins);
    expect(contents.openHandler?.({ url: 'https://docs.aws.amazon.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://liaison/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const contents = guardedContents();
    installNavigationGuards(contents, origins);
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledOnce();
  });
});

describe('installSessionPolicy', () => {
  it('denies every permission request, check and device', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    installSessionPolicy(session);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      ...args: [unknown, string, (granted: boolean) => void]
    ) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    request({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'clipboard-read', 'app://liaison', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (details: unknown) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });

  it('works on a session without device permissions', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    expect(() => installSessionPolicy(session)).not.toThrow();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });
});

describe('rendererEntry', () => {
  it('loads the app scheme when packaged, whatever the environment says', () => {
    expect(rendererEntry(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({
      url: 'app://liaison/index.html',
      trustedOrigins: ['app://liaison'],
    });
  });

  it('loads and trusts the loopback dev server when unpackaged', () => {
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({
      url: 'http://localhost:5173/',
      trustedOrigins: ['app://liaison', 'http://localhost:5173'],
    });
  });

  it('ignores a dev server URL that is not on loopback', () => {
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' }).trustedOrigins).toEqual([
      'app://liaison',
    ]);
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'http://localhost.evil.example/' }).url).toBe(
      'app://liaison/index.html',
    );
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    fake.FakeBrowserWindow.instances = [];
    fake.FakeBrowserWindow.loadResult = Promise.resolve();
  });

  const entry = { url: 'app://liaison/index.html', trustedOrigins: ['app://liaison'] };

  it('opens hidden with the secure preferences, loads the app, and shows when ready', () => {
    createMainWindow({ preloadPath: '/p/preload.cjs', entry, onLoadFailed: vi.fn() });
    const window = fake.FakeBrowserWindow.instances[0]!;
    expect(window.options).toMatchObject({ title: 'Liaison', show: false, backgroundColor: '#ffffff' });
    expect(window.options.minWidth).toBeGreaterThan(0);
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/p/preload.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://liaison/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.onceListeners.get('ready-to-show')!();
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('guards its own webContents', () => {
    createMainWindow({ preloadPath: '/p/preload.cjs', entry, onLoadFailed: vi.fn() });
    const contents = fake.FakeBrowserWindow.instances[0]!.webContents;
    expect([...contents.events.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('reports a failed load and shows the window rather than staying invisible', async () => {
    const failure = new Error('ERR_FILE_NOT_FOUND');
    fake.FakeBrowserWindow.loadResult = Promise.reject(failure);
    const onLoadFailed = vi.fn();
    createMainWindow({ preloadPath: '/p/preload.cjs', entry, onLoadFailed });
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(failure));
    expect(fake.FakeBrowserWindow.instances[0]!.show).toHaveBeenCalled();
  });

  it('paints the dark background when the system is dark', () => {
    fake.nativeTheme.shouldUseDarkColors = true;
    createMainWindow({ preloadPath: '/p/preload.cjs', entry, onLoadFailed: vi.fn() });
    fake.nativeTheme.shouldUseDarkColors = false;
    expect(fake.FakeBrowserWindow.instances[0]!.options.backgroundColor).toBe('#121212');
  });
});
