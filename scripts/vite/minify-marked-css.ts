import { transform } from 'esbuild';
import type { Plugin } from 'vite';

/**
 * Our shadow roots' style sheets are template literals marked `/* css *\/` (no interpolation
 * inside): minified in builds with esbuild's CSS minifier, as a `.css` file would be. The content
 * script's 40 KB budget (issues 8/16) carried them with their indentation and line breaks.
 */
export function minifyMarkedCss(): Plugin {
  const MARKED = /\/\* css \*\/ `([^`$]*)`/g;
  return {
    name: 'clinic-companion:minify-marked-css',
    apply: 'build',
    // On the source: the TypeScript transform drops the marker.
    enforce: 'pre',
    async transform(code, id) {
      if (!/\.tsx?$/.test(id) || !code.includes('/* css */')) return null;
      let out = '';
      let last = 0;
      for (const match of code.matchAll(MARKED)) {
        const css = (await transform(match[1]!, { loader: 'css', minify: true })).code.trim();
        out += `${code.slice(last, match.index)}${JSON.stringify(css)}`;
        last = match.index! + match[0].length;
      }
      return last === 0 ? null : { code: out + code.slice(last), map: null };
    },
  };
}
