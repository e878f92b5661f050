import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startEventInvalidation } from './client/event-invalidation';
import { invalidateQueriesNow } from './client/invalidate-queries';
import { createLiaisonClient } from './client/liaison-client';
import { createQueryClient } from './client/query-client';
import { opensStartPage } from './navigation';
import { prefetchStartPage } from './queries/start-page';

/** How long the app waits for the event stream before its first render (on loopback it opens in a few ms). */
const EVENTS_OPEN_WAIT_MS = 1_000;

/**
 * Subscribes the query cache to events, waits for them to flow, and only then asks for the start
 * page's data and renders: no answer can miss an event, so nothing fetched at launch needs fetching
 * twice. The start page's data is asked for before the first render, which takes longer than the
 * main process takes to answer.
 */
async function start(container: HTMLElement): Promise<void> {
  const client = createLiaisonClient();
  const queryClient = createQueryClient();
  startEventInvalidation(client, queryClient);
  const opened = client.openEvents?.();
  if (opened) {
    const inTime = await Promise.race([
      opened.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), EVENTS_OPEN_WAIT_MS)),
    ]);
    // Rendered without events: what was asked for meanwhile may miss one, so it is asked for again.
    if (!inTime) void opened.then(() => invalidateQueriesNow(queryClient, {}));
  }
  if (opensStartPage(window.location.hash)) prefetchStartPage(queryClient, client);
  createRoot(container).render(
    <StrictMode>
      <App client={client} queryClient={queryClient} />
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
void start(container);
