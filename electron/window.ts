import { BrowserWindow, nativeTheme, type Session, type WebPreferences } from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from './app-protocol';

/** Where the main window loads from, and the origins allowed to be in it (and to call the main process). */
export interface RendererEntry {
  readonly url: string;
  readonly trustedOrigins: readonly string[];
}

/**
 * The app's own scheme; in development (unpackaged, run by electron-vite) the Vite dev server too,
 * but only when it is on loopback: an env var must not hand the IPC bridge to a remote site.
 */
export function rendererEntry(isPackaged: boolean, env: NodeJS.ProcessEnv): RendererEntry {
  const devUrl = isPackaged ? undefined : env.ELECTRON_RENDERER_URL;
  const devOrigin = devUrl ? originOf(devUrl) : null;
  if (devUrl && devOrigin && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(devOrigin)) {
    return { url: devUrl, trustedOrigins: [APP_ORIGIN, devOrigin] };
  }
  return { url: APP_ENTRY_URL, trustedOrigins: [APP_ORIGIN] };
}

/** Electron's security checklist, every switch stated even where it is the default, so none drifts. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

interface PreventableEvent {
  preventDefault(): void;
}
interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The parts of `WebContents` the guards use; a fake in tests, the real one in the app. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (details: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * The window never leaves the app: no navigation or redirect to another origin, no popups, no
 * webviews. Links out go through the contract's `openExternal`, which the core allow-lists.
 */
export function installNavigationGuards(contents: GuardedContents, trustedOrigins: readonly string[]): void {
  const stayInApp = (details: NavigationEvent): void => {
    const origin = originOf(details.url);
    if (origin === null || !trustedOrigins.includes(origin)) details.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export type PolicySession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> &
  Partial<Pick<Session, 'setDevicePermissionHandler'>>;

/** Liaison needs no camera, notifications-by-prompt, USB or anything else a page can ask for. */
export function installSessionPolicy(session: PolicySession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

export interface MainWindowOptions {
  preloadPath: string;
  entry: RendererEntry;
  onLoadFailed: (error: unknown) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Liaison',
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    // Shown on ready-to-show, painted in the theme's background, so there is no white flash.
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#121212' : '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  installNavigationGuards(window.webContents, options.entry.trustedOrigins);
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.entry.url).catch((error: unknown) => {
    options.onLoadFailed(error);
    // A hidden window that failed to load would look like Liaison never started.
    window.show();
  });
  return window;
}
