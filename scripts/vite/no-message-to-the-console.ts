import type { Plugin } from 'vite';

/** The module of WXT's content-script context (`ctx` of defineContentScript's main). */
const CONTEXT_MODULE = /\/wxt\/dist\/utils\/content-script-context\.mjs$/;
/** Its second announcement of a new script: a message to the page, for older WXT versions. */
const ANNOUNCEMENT =
  /\n\s*window\.postMessage\(\{\s*type: ContentScriptContext\.SCRIPT_STARTED_MESSAGE_TYPE,[^}]*\}, "\*"\);/;

/**
 * WXT's content-script context tells older copies of the script (left in a tab by an update) to
 * stop with an event on the document, which it listens for, and again with `window.postMessage`,
 * kept for older WXT versions that no build of ours contains. That message goes to the console's
 * own page: its message handlers and every script on it received it, with this extension's ID.
 * We do not talk to the console's page, so the message is dropped from the build (the document
 * event stays). If WXT's code changes, the build fails here so that this is looked at again.
 * With DevTools attached, Chromium also took the message's source location from a re-parse of
 * the whole content script: ≈ 5 ms of each console load in the page-work bench (issue 16).
 */
export function noMessageToTheConsole(): Plugin {
  return {
    name: 'clinic-companion:no-message-to-the-console',
    apply: 'build',
    transform(code, id) {
      if (!CONTEXT_MODULE.test(id.replaceAll('\\', '/'))) return null;
      if (!ANNOUNCEMENT.test(code)) {
        this.error(
          "WXT's content-script context no longer posts its start-up message as expected: check what it now sends to the console's page (scripts/vite/no-message-to-the-console.ts).",
        );
      }
      return { code: code.replace(ANNOUNCEMENT, ''), map: null };
    },
  };
}
