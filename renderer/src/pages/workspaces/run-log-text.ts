import type { LiaisonClient } from '../../../../shared/api';
import type { RunLogEntry } from '../../../../shared/contract/terraform';

const PAGE = 5000;
/** Enough for any association workspace; a log beyond it says so rather than freezing the page. */
const MAX_LINES = 100_000;

/**
 * One stored event as text, the whole of it: a diagnostic's summary, detail and place, not only
 * Terraform's one-line message (which, for an init failure, is all the summary line said).
 */
export function runLogLine(entry: RunLogEntry): string {
  const event = entry.event;
  if (event.type === 'raw') return `[${event.stream}] ${event.text}`;
  const head = `${event.timestamp} ${event.type}: ${event.message}`;
  if (event.type !== 'diagnostic') return head;
  const { detail, address, range } = event.diagnostic;
  const where = range ? `  on ${range.filename} line ${range.start.line}` : '';
  return [head, address ? `  resource ${address}` : '', where, ...detail.split('\n').map((line) => `  ${line}`)]
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** The whole log of a run, page by page, as text (secrets were redacted by the core before storing). */
export async function loadRunLogText(client: LiaisonClient, runId: string): Promise<string> {
  const lines: string[] = [];
  let afterSeq = -1;
  for (;;) {
    const page = await client.call('getTerraformRunLog', { runId, afterSeq, limit: PAGE });
    lines.push(...page.entries.map(runLogLine));
    if (page.nextSeq === undefined) break;
    if (lines.length >= MAX_LINES) {
      lines.push(`… (log cut at ${MAX_LINES} lines)`);
      break;
    }
    afterSeq = page.nextSeq;
  }
  return lines.join('\n');
}
