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
