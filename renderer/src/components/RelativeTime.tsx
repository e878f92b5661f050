import { useNow } from '../time/useNow';
import { formatExactTime, formatRelativeTime } from '../time/relative-time';

/** A timestamp as "5 minutes ago", exact on hover; a real <time> so assistive tech gets the value. */
export function RelativeTime({ value }: { value: string }) {
  const now = useNow();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return (
    <time dateTime={value} title={formatExactTime(date)}>
      {formatRelativeTime(date, now)}
    </time>
  );
}
