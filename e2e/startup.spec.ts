import { expect, test } from './fixtures/test';

test('the app asks for data only once its event stream is open, on the stream the page opened first', async ({
  page,
  liaison,
}) => {
  const seen: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) seen.push(`request ${pathname}`);
  });
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname === '/api/events') seen.push(`open ${pathname}`);
  });
  await page.goto(liaison.url);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByText('No associations yet.')).toBeVisible();

  // One stream, opened by the page's first script, before any call went out: no answer can miss an event.
  const firstCall = seen.findIndex((entry) => entry.startsWith('request /api/call/'));
  expect(firstCall, seen.join('\n')).toBeGreaterThan(0);
  expect(seen.slice(0, firstCall)).toEqual(['request /api/events', 'open /api/events']);
  expect(seen.filter((entry) => entry === 'request /api/events')).toHaveLength(1);
  expect(await page.evaluate(() => (window as { liaisonEvents?: EventSource }).liaisonEvents?.readyState)).toBe(1);
  // The start page's data was asked for once, not once more when the app subscribed to events.
  expect(seen.filter((entry) => entry === 'request /api/call/getHealthOverview')).toHaveLength(1);
  expect(seen.filter((entry) => entry === 'request /api/call/listAssociations')).toHaveLength(1);
});
