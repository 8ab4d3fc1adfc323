import type { Sender } from '../../extension/lib/messages';

type ChromeListener = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => unknown;

/**
 * Calls a runtime.onMessage listener as Chrome does: its synchronous return is the answer, `true`
 * means "answered later" through sendResponse (what lib/messages `handle` does), `undefined` none.
 */
export function callAsChrome(listener: unknown, message: unknown, sender: Sender): unknown {
  let respond: (reply: unknown) => void = () => {};
  const later = new Promise((resolve) => {
    respond = resolve;
  });
  const reply = (listener as ChromeListener)(message, sender, (r) => respond(r));
  return reply === true ? later : reply;
}
