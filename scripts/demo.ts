// `npm run demo`: the main job. Builds are done by the npm script; this starts the simulator and
// Chromium with the extension (headed when a display exists), plays every chapter, prints each
// step with ✔/✖ and writes screenshots into demo-output/ (the console page, and the side panel
// where a step is about a card). `-- --interactive` leaves it open.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { startStack } from '../test/e2e/stack';
import { CHAPTERS } from './demo/chapters';
import { placeSidePanel, showSidePanel } from './demo/side-panel';
import type { DemoContext } from './demo/types';

const interactive = process.argv.includes('--interactive');
const outDir = path.resolve('demo-output');
mkdirSync(outDir, { recursive: true });

const headless = !process.env.DISPLAY;
console.log(`Clinic Companion – demo (${headless ? 'headless: no display' : 'headed'})`);
const started = await startStack({ headless });
// Headed, every visit opens with its side panel beside it, so a watching person sees the cards.
const stack: typeof started = headless
  ? started
  : {
      ...started,
      async openVisit(caseId) {
        const page = await started.openVisit(caseId);
        await placeSidePanel(page);
        return page;
      },
    };
console.log(`Simulator: ${stack.sim.url}  (class seed ${stack.seed})`);

let passed = 0;
let failed = 0;
class StepFailure extends Error {}
const ctx: DemoContext = {
  stack,
  async step(title, run) {
    try {
      await run();
      passed++;
      console.log(`  ✔ ${title}`);
      return true;
    } catch (error) {
      failed++;
      console.log(`  ✖ ${title}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  },
  async screenshot(page: Page, name: string, options) {
    // Headless Chromium does not repaint background tabs: bring the page forward first.
    await page.bringToFront();
    await page.screenshot({ path: path.join(outDir, `${name}.png`) as `${string}.png` });
    if (!options?.sidePanel) return;
    const panel = await showSidePanel(page);
    await panel.bringToFront();
    await panel.screenshot({ path: path.join(outDir, `${name}-sidopanel.png`) as `${string}.png`, fullPage: true });
  },
  expect(condition, message) {
    if (!condition) throw new StepFailure(message);
  },
};

for (const chapter of CHAPTERS) {
  console.log(`\n▶ ${chapter.title}`);
  try {
    await chapter.run(ctx);
  } catch (error) {
    failed++;
    console.log(`  ✖ kapitlet avbröts: ${error instanceof Error ? error.message : String(error)}`);
  }
}
console.log(`\n${passed} passed, ${failed} failed — screenshots in ${outDir}`);

if (interactive) {
  console.log(`\nInteraktivt läge: webbläsaren är öppen på ${stack.sim.url}. Avsluta med Ctrl+C.`);
  const dropIn = await stack.ext.newConsolePage(`${stack.sim.url}/drop-in`);
  if (!headless) {
    await placeSidePanel(dropIn);
  }
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
}
await stack.stop();
process.exit(failed > 0 ? 1 : 0);
