/**
 * A duration in the unit that keeps it short: `850 ms`, `62.3 s` (seconds up to two minutes), `2.1 min`
 * (one decimal at most, none when whole). Chart axes give a label a fixed width; a raw `62,345` would be cut to `62,…`.
 */
export function formatDuration(ms: number): string {
  const value = Number.isFinite(ms) ? ms : 0;
  if (Math.round(value) < 1000) return `${Math.round(value)} ms`;
  const seconds = oneDecimal(value / 1000);
  if (seconds < 120) return `${seconds} s`;
  return `${oneDecimal(value / 60_000)} min`;
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}
