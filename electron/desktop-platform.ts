import { BrowserWindow, dialog, Notification, shell } from 'electron';
import type { HostPlatform } from './core/platform';

/** The desktop's abilities behind the core's platform interface. */
export const desktopPlatform: HostPlatform = {
  host: 'electron',
  // The core has already allow-listed the URL; the system browser opens it, never an app window.
  openExternal: async (url) => {
    await shell.openExternal(url);
    return 'opened';
  },
  notify: (title, body) => {
    if (!Notification.isSupported()) return 'toast';
    new Notification({ title, body }).show();
    return 'shown';
  },
  // A native dialog from the main process: no renderer code can click it or change what it shows.
  // Cancel is the default, so Enter or Escape never allows a program by accident.
  confirmProgram: async (program) => {
    const options: Electron.MessageBoxOptions = {
      type: 'warning',
      title: 'Allow Liaison to run a program?',
      message: `Allow Liaison to run this program (${program.purpose})?`,
      detail: `${program.program}\n\nIt runs as you, whenever Liaison needs it. Allow it only if you set it yourself.`,
      buttons: ['Cancel', 'Allow'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    };
    const parent = BrowserWindow.getFocusedWindow();
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return response === 1 ? 'confirmed' : 'declined';
  },
};
