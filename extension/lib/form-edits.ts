/**
 * Issue 16: a form value the console's markup does not show (a typed name, a chosen option) is
 * followed through the page's `input` and `change` events — and every keystroke in the chat
 * composer is an `input` too (200 of them re-read the settings fields and looked for the ticket
 * dialog 200 times). A change (a choice made) is read at once; typing once it pauses.
 */
export function onFormEdits(doc: Document, read: () => void, signal: AbortSignal, pauseMs = 300): void {
  let typing: ReturnType<typeof setTimeout> | undefined;
  const options = { signal, capture: true } as const;
  doc.addEventListener(
    'change',
    () => {
      clearTimeout(typing);
      read();
    },
    options,
  );
  doc.addEventListener(
    'input',
    () => {
      clearTimeout(typing);
      typing = setTimeout(read, pauseMs);
    },
    options,
  );
  signal.addEventListener('abort', () => clearTimeout(typing));
}
