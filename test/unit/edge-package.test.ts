import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MINIMUM_CHROME_VERSION } from '../../scripts/policy/targets';

/**
 * Issue 12: the Edge store zip of `npm run build` is what Edge Add-ons takes: a complete MV3
 * package (every file its manifest names is in the zip), texts from _locales within the store's
 * limits, no `key` and no `update_url` (the store assigns the ID and serves updates), and the very
 * manifest of the Chrome zip, so it behaves the same. Its loading in Chromium: e2e edge-package.
 */
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const zipOf = (browser: string) => `.output/packages/clinic-companion-${VERSION}-${browser}.zip`;
const EDGE_ZIP = zipOf('edge');
const built = existsSync(EDGE_ZIP);

/** The zip's file names and the JSON files read from it. */
function readZip(file: string): { names: string[]; json: (name: string) => unknown } {
  const py =
    'import sys,zipfile,json; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode() if n.endswith(".json") else None for n in z.namelist()}))';
  const files = JSON.parse(execFileSync('python3', ['-c', py, file], { encoding: 'utf8' })) as Record<
    string,
    string | null
  >;
  return {
    names: Object.keys(files),
    json: (name) => {
      const text = files[name];
      if (typeof text !== 'string') throw new Error(`${name} is not in ${file}`);
      return JSON.parse(text);
    },
  };
}

interface Manifest {
  [key: string]: unknown;
  name: string;
  description: string;
  default_locale?: string;
  icons: Record<string, string>;
  background: { service_worker: string };
  content_scripts: { js?: string[]; css?: string[] }[];
  options_ui: { page: string };
  action: { default_popup: string };
  side_panel: { default_path: string };
  storage: { managed_schema: string };
}
type Messages = Record<string, { message: string }>;

describe.skipIf(!built && process.env.CI !== 'true')('the Edge store zip', () => {
  const zip = built ? readZip(EDGE_ZIP) : { names: [], json: () => ({}) };
  const manifest = zip.json('manifest.json') as Manifest;

  it('is MV3 with the version, minimum_chrome_version, no `key` and no `update_url`', () => {
    expect(manifest).toMatchObject({
      manifest_version: 3,
      version: VERSION,
      minimum_chrome_version: MINIMUM_CHROME_VERSION,
    });
    expect(manifest).not.toHaveProperty('key');
    expect(manifest).not.toHaveProperty('update_url');
  });

  it('holds every file its manifest names (worker, content script, pages, icons incl. 128, policy schema)', () => {
    expect(Object.keys(manifest.icons)).toContain('128');
    const named = [
      manifest.background.service_worker,
      ...manifest.content_scripts.flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])]),
      manifest.options_ui.page,
      manifest.action.default_popup,
      manifest.side_panel.default_path,
      manifest.storage.managed_schema,
      ...Object.values(manifest.icons),
    ];
    expect(named.filter((file) => !zip.names.includes(file))).toEqual([]);
    expect(zip.json(manifest.storage.managed_schema)).toMatchObject({ type: 'object' });
  });

  it('every __MSG_ text is in every locale, the name within Edge Add-ons’ 45 characters, the description 132', () => {
    expect(manifest.default_locale).toBe('sv');
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);
    expect(keys).toContain('extName');
    const locales = [
      ...new Set(zip.names.map((n) => /^_locales\/([^/]+)\/messages\.json$/.exec(n)?.[1]).filter(Boolean)),
    ];
    expect(locales).toEqual(expect.arrayContaining(['sv', 'en']));
    for (const locale of locales) {
      const messages = zip.json(`_locales/${locale}/messages.json`) as Messages;
      expect(keys.filter((k) => !messages[k]?.message)).toEqual([]);
      const text = (value: string) => value.replace(/__MSG_(\w+)__/g, (_, k: string) => messages[k]?.message ?? '');
      expect(text(manifest.name).length).toBeLessThanOrEqual(45);
      expect(text(manifest.description).length).toBeLessThanOrEqual(132);
    }
  });

  it('has the very manifest of the Chrome store zip (the same behaviour)', () => {
    expect(manifest).toEqual(readZip(zipOf('chrome')).json('manifest.json'));
  });
});
