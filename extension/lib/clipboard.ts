/**
 * Writes text to the clipboard from the content script. The async API needs a focused document
 * with user activation (a click); a keyboard command routed through the background has none, so
 * it falls back to execCommand, which the `clipboardWrite` permission allows.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}
