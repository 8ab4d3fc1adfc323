import { describe, expect, it } from 'vitest';
import { bundle } from './bundle-graph';

/**
 * Issue 14: the content script runs in every console tab (budget 40 KB gzip) and draws only the
 * copy button and the queue badges in the page, as plain DOM; every card is the side panel's. No
 * UI library may come back into it by an import, even one whose components are tree-shaken: its
 * module's top level would stay in the bundle.
 */
describe('the content script bundles no Preact', () => {
  it('no module under node_modules/preact in the content script graph', async () => {
    const { inputs } = await bundle('extension/entrypoints/clinic.content/index.ts');
    expect(inputs.some((f) => f.includes('extension/features/copy-patient-id'))).toBe(true);
    expect(inputs.filter((f) => /node_modules\/preact\b/.test(f))).toEqual([]);
  });
});
