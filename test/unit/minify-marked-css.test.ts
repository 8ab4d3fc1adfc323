import { describe, expect, it } from 'vitest';
import { minifyMarkedCss } from '../../scripts/vite/minify-marked-css';

type Transform = (code: string, id: string) => Promise<{ code: string } | null>;
const transform = minifyMarkedCss().transform as unknown as Transform;

describe('build: our marked style sheets minified (issue 16: the 40 KB content script)', () => {
  it('a /* css */ literal becomes the same rules without the spaces; the rest of the file is untouched', async () => {
    const source = [
      'const a = 1;',
      'export const CSS = /* css */ `',
      ':host { all: initial; }',
      '.qbadge.red { border-color: #b3261e;  border-width: 2px; }',
      '.x :focus-visible { outline: 3px solid #ffbf47; }',
      '`;',
      'const b = `keep  this`;',
    ].join('\n');
    const out = (await transform(source, '/x/ui-styles.ts'))!.code;
    expect(out).toContain('const a = 1;');
    expect(out).toContain('const b = `keep  this`;');
    const css = JSON.parse(/CSS = (".*");/.exec(out)![1]!) as string;
    // A descendant combinator's space stays: ".x :focus-visible" is not ".x:focus-visible".
    expect(css).toBe(
      ':host{all:initial}.qbadge.red{border-color:#b3261e;border-width:2px}.x :focus-visible{outline:3px solid #ffbf47}',
    );
  });

  it('leaves files without the marker, and a marked literal with an interpolation, as they are', async () => {
    expect(await transform('const CSS = `a { b: c; }`;', '/x/a.ts')).toBeNull();
    expect(await transform('const CSS = /* css */ `a { b: ${c}; }`;', '/x/a.ts')).toBeNull();
    expect(await transform('/* css */ `a { }`', '/x/a.css')).toBeNull();
  });
});
