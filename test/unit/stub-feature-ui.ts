import { vi } from 'vitest';

/** A feature's page UI (ui-host.ts) with every call recorded: what the queue feature's tests check. */
export function stubUi() {
  return {
    inline: vi.fn(),
    inlineWhenShown: vi.fn(),
    announce: vi.fn(),
    alarm: vi.fn(),
    reposition: vi.fn(),
    release: vi.fn(),
    warmUp: vi.fn(),
  };
}
