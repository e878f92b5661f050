import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.hoisted(() => vi.fn<(url: string) => Promise<void>>());
const notification = vi.hoisted(() => {
  const shown: { title: string; body: string }[] = [];
  const isSupported = vi.fn(() => true);
  class FakeNotification {
    static isSupported = isSupported;
    constructor(private readonly options: { title: string; body: string }) {}
    show(): void {
      shown.push(this.options);
    }
  }
  return { shown, isSupported, FakeNotification };
});
const showMessageBox = vi.hoisted(() =>
  vi.fn<(...args: unknown[]) => Promise<{ response: number; checkboxChecked: boolean }>>(),
);
vi.mock('electron', () => ({
  shell: { openExternal },
  Notification: notification.FakeNotification,
  dialog: { showMessageBox },
  BrowserWindow: { getFocusedWindow: () => null },
}));

const { desktopPlatform } = await import('./desktop-platform');

describe('desktopPlatform', () => {
  beforeEach(() => {
    notification.shown.length = 0;
    notification.isSupported.mockReturnValue(true);
  });

  it('is the electron host', () => {
    expect(desktopPlatform.host).toBe('electron');
  });

  it('opens the link in the system browser and reports it opened', async () => {
    openExternal.mockResolvedValue(undefined);
    expect(await desktopPlatform.openExternal('https://docs.aws.amazon.com/IAM/')).toBe('opened');
    expect(openExternal).toHaveBeenCalledWith('https://docs.aws.amazon.com/IAM/');
  });

  it('lets a failure to open reach the caller instead of claiming success', async () => {
    openExternal.mockRejectedValue(new Error('no handler for https'));
    await expect(desktopPlatform.openExternal('https://github.com/')).rejects.toThrow('no handler');
  });

  it('shows a desktop notification with the title and body', () => {
    expect(desktopPlatform.notify('team-a on 123 turned Failing', 'Was Success.')).toBe('shown');
    expect(notification.shown).toEqual([{ title: 'team-a on 123 turned Failing', body: 'Was Success.' }]);
  });

  it('leaves it to the toast where the OS has no notifications', () => {
    notification.isSupported.mockReturnValue(false);
    expect(desktopPlatform.notify('title', 'body')).toBe('toast');
    expect(notification.shown).toEqual([]);
  });
});

describe('desktopPlatform.confirmProgram: a native dialog the renderer cannot forge', () => {
  const program = {
    kind: 'token-command:enforce.dev:arguments',
    purpose: 'the token command for enforce.dev',
    program: 'chainctl auth token --audience {audience}',
  };

  it('shows the exact command, with Cancel as the default, and confirms only on Allow', async () => {
    showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    expect(await desktopPlatform.confirmProgram(program, {})).toBe('confirmed');
    const options = showMessageBox.mock.calls.at(-1)?.at(-1) as Electron.MessageBoxOptions;
    expect(options.detail).toContain('chainctl auth token --audience {audience}');
    expect(options.message).toContain('the token command for enforce.dev');
    expect(options.buttons).toEqual(['Cancel', 'Allow']);
    expect(options.defaultId).toBe(0);
    expect(options.cancelId).toBe(0);
  });

  it('declines on Cancel, and ignores a launch token the renderer might send', async () => {
    showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    expect(await desktopPlatform.confirmProgram(program, { launchToken: 'anything' })).toBe('declined');
  });
});
