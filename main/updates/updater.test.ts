import { describe, expect, it } from 'vitest';
import { feedOnlyUpdater, feedVersion, isNewerVersion, updateFeedUrl } from './updater';

describe('the feed as the browser host reads it', () => {
  it('reads the version line of a latest.yml, quoted or not', () => {
    expect(feedVersion('version: 1.2.0\nfiles:\n  - url: a.exe\n    version: 9.9.9\n')).toBe(
      '1.2.0',
    );
    expect(feedVersion("releaseDate: '2026'\nversion: '1.3.0-beta.2'\n")).toBe('1.3.0-beta.2');
    expect(feedVersion('files: []\n')).toBeNull();
  });

  it.each([
    ['1.2.0', '1.1.9', true],
    ['1.10.0', '1.9.0', true],
    ['1.2.0', '1.2.0', false],
    ['1.1.0', '1.2.0', false],
    ['1.2.0', '1.2.0-beta.1', true],
    ['1.2.0-beta.2', '1.2.0-beta.10', false],
    ['1.2.0-beta.10', '1.2.0-beta.2', true],
    ['1.2.0-beta.1', '1.2.0', false],
  ])('%s is newer than %s: %s', (candidate, current, newer) => {
    expect(isNewerVersion(candidate, current)).toBe(newer);
  });

  it('names the channel folder of the central server', () => {
    expect(updateFeedUrl('http://central.urzad.local:8420/', 'latest')).toBe(
      'http://central.urzad.local:8420/updates/latest',
    );
  });

  it('reports a newer version from the platform feed, nothing for a feed not published', async () => {
    const asked: string[] = [];
    const fetchFn = (async (url: string | URL | Request) => {
      asked.push(String(url));
      return String(url).endsWith('latest-linux.yml')
        ? new Response('version: 1.2.0\npath: Okienko-1.2.0.AppImage\n')
        : new Response('no such file', { status: 404 });
    }) as typeof fetch;
    const feed = { feedUrl: 'http://c/updates/latest', currentVersion: '1.1.0', fetchFn };
    const linux = feedOnlyUpdater({ ...feed, platform: 'linux' });
    expect(linux.canInstall).toBe(false);
    expect(await linux.check()).toBe('1.2.0');
    expect(
      await feedOnlyUpdater({ ...feed, currentVersion: '1.2.0', platform: 'linux' }).check(),
    ).toBeNull();
    expect(await feedOnlyUpdater({ ...feed, platform: 'win32' }).check()).toBeNull();
    expect(asked).toContain('http://c/updates/latest/latest.yml');
    expect(() => linux.install()).toThrow();
  });

  it('fails the check on a server error, so the state shows the problem', async () => {
    const fetchFn = (async () => new Response('', { status: 502 })) as unknown as typeof fetch;
    const updater = feedOnlyUpdater({ feedUrl: 'http://c', currentVersion: '1.0.0', fetchFn });
    await expect(updater.check()).rejects.toThrow('502');
  });
});
