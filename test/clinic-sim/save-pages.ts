/**
 * Writes representative "saved simulator pages" to test/fixtures/pages/*.html (skin 'dl') and
 * test/fixtures/pages/<skin>/*.html (every skin, the same state), for the page
 * adapter's unit tests (load them into happy-dom). Re-run after changing the views:
 *   npx tsx test/clinic-sim/save-pages.ts
 * (test/unit/clinic-sim.test.ts fails while the saved files are out of date.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSavedPages } from './pages';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');
mkdirSync(outDir, { recursive: true });
for (const page of renderSavedPages()) {
  mkdirSync(path.dirname(path.join(outDir, page.file)), { recursive: true });
  writeFileSync(path.join(outDir, page.file), page.html);
  console.log(`wrote test/fixtures/pages/${page.file} (${page.about})`);
}
