import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_VIEWS, VIEW_ORDER } from '../../extension/entrypoints/sidepanel/views';
import { FEATURES } from '../../extension/features';

const viewFiles = readdirSync('extension/entrypoints/sidepanel/views')
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => f.replace(/\.tsx$/, ''));

describe('side panel views (issue 14)', () => {
  it('every view file is a feature of the registry, placed in the side panel order', () => {
    const ids = FEATURES.map((f) => f.id);
    for (const file of viewFiles) {
      expect(ids).toContain(file);
      expect(VIEW_ORDER).toContain(file);
    }
    // A view's id is its file's name: the card is drawn from that feature's model, no other.
    expect(FEATURE_VIEWS.map((v) => v.id)).toEqual(VIEW_ORDER.filter((id) => viewFiles.includes(id)));
  });
  it('the side panel order names only registered features, each once', () => {
    const ids = new Set(FEATURES.map((f) => f.id));
    for (const id of VIEW_ORDER) expect(ids.has(id), id).toBe(true);
    expect(new Set(VIEW_ORDER).size).toBe(VIEW_ORDER.length);
  });
});
