import { build } from 'esbuild';

/**
 * One entry point bundled as the extension's build would (esbuild, Preact's JSX, CSS as text):
 * the modules it pulls in, and its text. For tests that keep things out of the content script.
 */
export async function bundle(entry: string): Promise<{ inputs: string[]; text: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    external: ['wxt', 'wxt/*', '#imports'],
    charset: 'utf8',
    logLevel: 'silent',
  });
  return { inputs: Object.keys(result.metafile.inputs), text: result.outputFiles.map((f) => f.text).join('\n') };
}
