import { Notification, shell } from 'electron';
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
};
