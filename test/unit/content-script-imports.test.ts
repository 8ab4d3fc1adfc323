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

/**
 * Issue 14's "side panel open → filled": the side panel starts by compiling its scripts, and the
 * rule-set schema (zod, ≈140 KB) is the background's and the options page's business — the side
 * panel gets rules already checked. An import through shared/rules' index would bring it back.
 */
describe('the side panel bundles no rule-set schema', () => {
  it('no zod module in the side panel graph', async () => {
    const { inputs } = await bundle('extension/entrypoints/sidepanel/main.tsx');
    expect(inputs.some((f) => f.includes('sidepanel/rules-provenance'))).toBe(true);
    expect(inputs.filter((f) => /node_modules\/zod\b|shared\/rules\/schema/.test(f))).toEqual([]);
  });
});
