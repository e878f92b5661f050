import { CHECK_VERDICT_LABELS, type CheckResult, type CheckStep } from '../../../shared/contract/checks';
import { CHECK_KINDS } from './check-kinds';

const MARKS: Readonly<Record<CheckStep['status'], string>> = {
  passed: 'PASS',
  warning: 'WARN',
  failed: 'FAIL',
  'needs-sign-in': 'SIGN-IN',
  error: 'ERROR',
  skipped: 'SKIP',
};

/** The terminal report of one check: a line per step (with its fix), the verdict, and the seed's line for a live success. */
export function formatCheckReport(result: CheckResult): string[] {
  const lines = [`${CHECK_KINDS[result.cloud].noun} ${result.target}, group ${result.groupId}`];
  for (const step of result.steps) {
    const mark = MARKS[step.status].padEnd(7);
    const kind = step.live ? 'live' : 'static';
    lines.push(`  ${mark} ${step.title} [${kind}, ${step.durationMs} ms]`);
    lines.push(`          ${step.detail}`);
    if (step.remediation && step.status !== 'passed' && step.status !== 'skipped') {
      lines.push(`          Fix: ${step.remediation}`);
    }
  }
  const platform = platformLine(result);
  if (platform) lines.push(platform);
  lines.push(`${CHECK_VERDICT_LABELS[result.verdict]} (${result.durationMs} ms): ${result.headline}`);
  if (result.successLine) lines.push(result.successLine);
  return lines;
}

/** Scripts and CI: 0 only when the association is usable. */
export function exitCodeFor(results: readonly CheckResult[]): number {
  return results.length > 0 && results.every((r) => r.verdict === 'success' || r.verdict === 'configured') ? 0 : 1;
}

/** `Platform: Ready` / `Platform: NotReady — <reason>: <message>`, as the platform's own check answered. */
export function platformLine(result: CheckResult): string | undefined {
  const step = result.steps.find((s) => s.id === 'platform');
  if (!step) return undefined;
  if (step.status === 'passed') return 'Platform: Ready';
  if (step.detail.startsWith('NotReady')) return `Platform: ${step.detail}`;
  return `Platform: ${MARKS[step.status]} — ${step.detail}`;
}
