import { join } from 'node:path';
import {
  app,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type BrowserWindow,
  type MenuItemConstructorOptions,
} from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol';
import { createCore, type Core } from './core/core';
import { CoreError } from './core/core-error';
import { desktopPlatform } from './desktop-platform';
import { registerIpc, trustedSenderCheck } from './ipc';
import { createMainWindow, installSessionPolicy, rendererEntry, type RendererEntry } from './window';

/** The Electron shell: wiring only. Behaviour lives in the core, security switches in window.ts. */

// Both must happen before `ready`.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let unregisterIpc: (() => void) | undefined;

if (!app.requestSingleInstanceLock()) {
  // Another Liaison owns the store; it brings its own window forward (second-instance).
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && !mainWindow) openMainWindow(rendererEntry(app.isPackaged, process.env));
  });
  app.on('will-quit', shutDown);
  app.whenReady().then(start).catch(failStartup);
}

function start(): void {
  const entry = rendererEntry(app.isPackaged, process.env);
  // Same directory the web host resolves on its own, so both hosts share one store.
  const dataDir = process.env.LIAISON_DATA_DIR || app.getPath('userData');
  core = createCore({ platform: desktopPlatform, dataDir, version: app.getVersion() });
  unregisterIpc = registerIpc(ipcMain, core, trustedSenderCheck(entry.trustedOrigins), () => mainWindow?.webContents);
  registerAppProtocol(protocol, join(import.meta.dirname, '../renderer'));
  installSessionPolicy(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.isPackaged)));
  openMainWindow(entry);
}

function openMainWindow(entry: RendererEntry): void {
  const window = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/preload.cjs'),
    entry,
    onLoadFailed: (error) => core?.logger.error({ err: error, url: entry.url }, 'the window could not load the UI'),
  });
  window.on('closed', () => {
    mainWindow = undefined;
  });
  mainWindow = window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function shutDown(): void {
  unregisterIpc?.();
  unregisterIpc = undefined;
  core?.close();
  core = undefined;
}

/** A corrupt or newer database (or any other start-up failure) is explained, never a silent exit. */
function failStartup(error: unknown): void {
  const explanation =
    error instanceof CoreError
      ? [error.message, error.remediation].filter(Boolean).join('\n\n')
      : `Liaison could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(explanation);
  dialog.showErrorBox('Liaison cannot start', explanation);
  shutDown();
  // exit, not quit: nothing is open yet, and a non-zero code tells scripts it failed.
  app.exit(1);
}

/** Standard roles only (they carry the platform's shortcuts); developer tools only when unpackaged. */
export function applicationMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    { role: 'windowMenu' },
  ];
}
