import type { QueryClient } from '@tanstack/react-query';
import type { LiaisonClient } from '../../../shared/api';
import { startEventInvalidation } from '../client/event-invalidation';
import { invalidateQueriesNow } from '../client/invalidate-queries';
import { prefetchStartPage } from '../queries/start-page';

/** How long the app waits for the event stream before its first render (on loopback it opens in a few ms). */
export const EVENTS_OPEN_WAIT_MS = 1_000;

export interface StartAppOptions {
  client: LiaisonClient;
  queryClient: QueryClient;
  /** Whether the launch address opens the start page, whose data is asked for before the first render. */
  opensStartPage: boolean;
  /** The first render. */
  render: () => void;
  eventsWaitMs?: number;
}

/**
 * Subscribes the query cache to events, waits for them to flow (`openEvents`), and only then asks for
 * the start page's data and renders: no answer can miss an event, so nothing fetched at launch needs
 * fetching twice. The start page's data is asked for before the first render, which takes longer than
 * the main process takes to answer. If the stream is not open in time the app renders anyway and asks
 * for everything again once it is.
 */
export async function startApp({
  client,
  queryClient,
  opensStartPage,
  render,
  eventsWaitMs = EVENTS_OPEN_WAIT_MS,
}: StartAppOptions): Promise<void> {
  startEventInvalidation(client, queryClient);
  const opened = client.openEvents?.();
  if (opened) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const inTime = await Promise.race([
      opened.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), eventsWaitMs))),
    ]);
    clearTimeout(timer);
    if (!inTime) void opened.then(() => invalidateQueriesNow(queryClient, {}));
  }
  if (opensStartPage) prefetchStartPage(queryClient, client);
  render();
}
