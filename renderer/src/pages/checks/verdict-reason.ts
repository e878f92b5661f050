import { CHECK_VERDICT_LABELS, type CheckVerdict } from '../../../../shared/contract/checks';

/** The headline without the verdict it starts with ("Failing — …"), which the badge or title already says. */
export function verdictReason(verdict: CheckVerdict, headline: string): string {
  const prefix = `${CHECK_VERDICT_LABELS[verdict]} — `;
  return headline.startsWith(prefix) ? headline.slice(prefix.length) : headline;
}
