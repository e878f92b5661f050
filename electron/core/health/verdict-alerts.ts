import type { CheckVerdict } from '../../../shared/contract/checks';

/** Whether a new verdict is worth an alert: the association turned Failing, or recovered from it. */
export function isAlertTransition(from: CheckVerdict | undefined, to: CheckVerdict): from is CheckVerdict {
  if (from === undefined) return false;
  if (to === 'failing') return from !== 'failing';
  return from === 'failing' && (to === 'success' || to === 'configured');
}
