import type { QueryClient } from '@tanstack/react-query';
import type { LiaisonClient } from '../../../shared/api';
import { associationsQuery } from './associations';
import { healthOverviewQuery } from './health';

/**
 * Asks for the start page's data (the dashboard's) as the app starts, instead of after the first
 * render of the frame and the page: on a slow machine that render takes ~150 ms, during which the
 * main process could already be answering. The page's queries then find the data, or the fetch in
 * flight (see healthOverviewQuery's staleTime).
 */
export function prefetchStartPage(queryClient: QueryClient, client: LiaisonClient): void {
  void queryClient.prefetchQuery(healthOverviewQuery(client));
  void queryClient.prefetchQuery(associationsQuery(client));
}
