import type { Page } from 'puppeteer-core';
import type { Stack } from '../../test/e2e/stack';

/**
 * `npm run demo` plays chapters, one per area of the product, over the simulator with the real
 * extension. A chapter's steps print ✔/✖ and it saves screenshots into demo-output/.
 */
export interface DemoContext {
  stack: Stack;
  /** Runs one step; a failure prints ✖ with the reason and the demo goes on. */
  step(title: string, run: () => Promise<void>): Promise<boolean>;
  /**
   * `<name>.png` of the page; with `sidePanel`, also `<name>-sidopanel.png` of the side panel
   * showing that console tab (issue 14: the cards are there, not on the page).
   */
  screenshot(page: Page, name: string, options?: { sidePanel?: boolean }): Promise<void>;
  /** Fails the current step with a message when `condition` is false. */
  expect(condition: boolean, message: string): void;
}

export interface DemoChapter {
  title: string;
  run(ctx: DemoContext): Promise<void>;
}
