import { notify } from '../notifications/notification-store';

export type CopyOutcome = 'copied' | 'selected' | 'failed';

/**
 * Copies text to the clipboard. When the browser refuses (no clipboard API, no permission), selects
 * the text on screen instead so the user can copy it with the keyboard.
 */
export async function copyText(text: string, fallbackTarget: Element | null): Promise<CopyOutcome> {
  try {
    if (!navigator.clipboard) throw new Error('Clipboard API unavailable');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return selectContents(fallbackTarget) ? 'selected' : 'failed';
  }
}

/**
 * Copies `text` as copyText does and says what happened, naming `what` ("id", "command"): copied;
 * selected on screen for Ctrl+C when the browser refused; or could not be copied.
 */
export async function copyAndSay(text: string, fallbackTarget: Element | null, what: string): Promise<void> {
  const outcome = await copyText(text, fallbackTarget);
  if (outcome === 'copied') notify(`${what.charAt(0).toUpperCase()}${what.slice(1)} copied`);
  else if (outcome === 'selected')
    notify(`Could not copy automatically: the ${what} is selected, press Ctrl+C (⌘C)`, 'info');
  else notify(`Could not copy the ${what}`, 'error');
}

function selectContents(target: Element | null): boolean {
  if (target instanceof HTMLInputElement) {
    target.focus();
    target.select();
    return true;
  }
  const selection = window.getSelection();
  if (!target || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(target);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}
