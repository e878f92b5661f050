/**
 * What differs between the desktop and the browser host. Electron implements it with native
 * abilities; the web host in browser terms (the renderer follows a link itself).
 */
export interface HostPlatform {
  readonly host: 'electron' | 'web';
  /** Opens an already allow-listed https URL; 'navigate' asks the renderer to open it as a link. */
  openExternal(url: string): Promise<'opened' | 'navigate'>;
}

export const webPlatform: HostPlatform = {
  host: 'web',
  openExternal: () => Promise.resolve('navigate'),
};
