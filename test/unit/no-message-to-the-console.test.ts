import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { noMessageToTheConsole } from '../../scripts/vite/no-message-to-the-console';

const MODULE = createRequire(import.meta.url)
  .resolve('wxt/utils/content-script-context')
  .replaceAll('\\', '/');
const transform = (code: string, id = MODULE) => {
  const hook = noMessageToTheConsole().transform as (
    this: { error(message: string): never },
    code: string,
    id: string,
  ) => { code: string } | null;
  return hook.call(
    {
      error(message) {
        throw new Error(message);
      },
    },
    code,
    id,
  );
};

describe('the build sends nothing of ours into the console page (WXT content-script context)', () => {
  const wxtCode = readFileSync(MODULE, 'utf8');

  it('drops the start-up message to the page and keeps the document event older scripts listen for', () => {
    expect(wxtCode).toContain('window.postMessage(');
    const out = transform(wxtCode)!.code;
    expect(out).not.toContain('window.postMessage(');
    expect(out).toContain('document.dispatchEvent(new CustomEvent(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE');
    expect(out).toContain('document.addEventListener(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE');
  });

  it("fails the build when WXT's code no longer reads as expected, rather than letting a message through", () => {
    const changed = wxtCode.replace('window.postMessage({', 'globalThis.postMessage({');
    expect(() => transform(changed)).toThrow(/no longer posts its start-up message/);
  });

  it('leaves every other module alone', () => {
    expect(transform(wxtCode, '/x/extension/lib/companion.ts')).toBeNull();
  });
});
