import { describe, expect, it, vi } from 'vitest';

const openExternal = vi.hoisted(() => vi.fn<(url: string) => Promise<void>>());
vi.mock('electron', () => ({ shell: { openExternal } }));

const { desktopPlatform } = await import('./desktop-platform');

describe('desktopPlatform', () => {
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
});
