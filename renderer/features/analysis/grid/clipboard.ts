// Writing text to the clipboard. In the app the page is a secure context and main
// grants it `clipboard-sanitized-write` (electron/core/shell/permissions.ts), so the
// async clipboard API is used. A page outside a secure context (the Chromium test
// harness serves http://enclave.test) has no navigator.clipboard; there the copy
// command carries our text instead, inside the person's own keystroke or click.
export async function writeClipboard(text: string): Promise<void> {
  if (typeof navigator.clipboard?.writeText === 'function') {
    await navigator.clipboard.writeText(text);
    return;
  }
  let delivered = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    delivered = true;
  };
  document.addEventListener('copy', onCopy, true);
  try {
    // execCommand is deprecated but is the one clipboard write outside a secure context.
    if (!document.execCommand('copy') || !delivered) throw new Error('the clipboard is not available here');
  } finally {
    document.removeEventListener('copy', onCopy, true);
  }
}
