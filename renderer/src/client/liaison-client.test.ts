import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpClient } from './liaison-client';

/** The browser's EventSource, reduced to what the client uses: named listeners, fed by the test. */
class RecordingEventSource {
  static opened: RecordingEventSource[] = [];
  readonly listeners = new Map<string, ((message: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    RecordingEventSource.opened.push(this);
  }
  addEventListener(name: string, listener: (message: { data: string }) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  send(name: string, payload: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) listener({ data: JSON.stringify(payload) });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  RecordingEventSource.opened = [];
});

describe('httpClient events', () => {
  it('opens one EventSource and listens only to the events something subscribed to', () => {
    vi.stubGlobal('EventSource', RecordingEventSource);
    const client = httpClient('http://127.0.0.1:1');
    const heard: unknown[] = [];
    const unsubscribe = client.on('fleetRunsChanged', (event) => heard.push(event));
    client.on('fleetRunsChanged', () => undefined);

    expect(RecordingEventSource.opened).toHaveLength(1);
    const source = RecordingEventSource.opened[0] as RecordingEventSource;
    expect(source.url).toBe('http://127.0.0.1:1/api/events');
    expect([...source.listeners.keys()]).toEqual(['fleetRunsChanged']);
    expect(source.listeners.get('fleetRunsChanged')).toHaveLength(1);

    source.send('fleetRunsChanged', { ids: ['a'] });
    source.send('fleetRunsChanged', { notIds: true });
    expect(heard).toEqual([{ ids: ['a'] }]);

    unsubscribe();
    source.send('fleetRunsChanged', { ids: ['b'] });
    expect(heard).toEqual([{ ids: ['a'] }]);
  });
});
