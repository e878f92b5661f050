import { useHealthOverview } from '../../queries/health';

/** How many associations are Failing now: the Dashboard entry's badge. */
export function useFailingCount(): number {
  return useHealthOverview().data?.counts.failing ?? 0;
}
