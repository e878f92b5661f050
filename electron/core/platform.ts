/**
 * What differs between the desktop and the browser host. Electron implements it with native
 * abilities; the web host in browser terms (the renderer follows a link itself).
 */
export interface HostPlatform {
  readonly host: 'electron' | 'web';
  /** Opens an already allow-listed https URL; 'navigate' asks the renderer to open it as a link. */
  openExternal(url: string): Promise<'opened' | 'navigate'>;
  /**
   * Shows a desktop notification; 'toast' when the host has none (the browser, or an OS without
   * notifications), leaving the renderer's in-page toast to tell the operator.
   */
  notify(title: string, body: string): 'shown' | 'toast';
}

export const webPlatform: HostPlatform = {
  host: 'web',
  openExternal: () => Promise.resolve('navigate'),
  notify: () => 'toast',
};
