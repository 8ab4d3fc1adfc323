import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Issue 14: the content script runs in every console tab (budget 40 KB gzip) and draws only the
 * copy button and the queue badges in the page, as plain DOM; every card is the side panel's. No
 * UI library may come back into it by an import, even one whose components are tree-shaken: its
 * module's top level would stay in the bundle.
 */
describe('the content script bundles no Preact', () => {
  it('no module under node_modules/preact in the content script graph', async () => {
    const result = await build({
      entryPoints: ['extension/entrypoints/clinic.content/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      loader: { '.css': 'text' },
      external: ['wxt', 'wxt/*', '#imports'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.includes('extension/features/copy-patient-id'))).toBe(true);
    expect(inputs.filter((f) => /node_modules\/preact\b/.test(f))).toEqual([]);
  });
});
