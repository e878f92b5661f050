import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startApp } from './app/start-app';
import { createLiaisonClient } from './client/liaison-client';
import { createQueryClient } from './client/query-client';
import { opensStartPage } from './navigation';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const client = createLiaisonClient();
const queryClient = createQueryClient();
startApp({
  client,
  queryClient,
  opensStartPage: opensStartPage(window.location.hash),
  render: () =>
    createRoot(container).render(
      <StrictMode>
        <App client={client} queryClient={queryClient} />
      </StrictMode>,
    ),
}).catch((error: unknown) => {
  container.textContent = 'Liaison could not start. Reload the page; if it happens again, restart Liaison.';
  throw error;
});
