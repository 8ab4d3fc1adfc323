/**
 * `npm run build` (prebuild): every policy file IT gets, generated from shared/policy/schema.ts.
 * The files are committed; test/unit/policy-templates.test.ts fails when one differs from a fresh
 * generation, so they are never edited by hand. `--check` reports drift without writing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { managedSchema } from '../../shared/policy';
import { type AdmlLanguage, adml, admx } from './admx';
import { EXAMPLE_POLICY } from './example';
import { encodeRegFile, regFile } from './reg';
import { POLICY_TARGETS } from './targets';

const LANGUAGES: AdmlLanguage[] = ['en-US', 'sv-SE'];
export const MANAGED_SCHEMA_PATH = 'extension/public/managed-schema.json';
export const POLICY_DIR = 'deploy/policy';

/** Relative path (from the repository root) → exact file content. */
export function generatePolicyFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const text = (file: string, content: string) => files.set(file, Buffer.from(content, 'utf8'));
  text(MANAGED_SCHEMA_PATH, `${JSON.stringify(managedSchema(), null, 2)}\n`);
  for (const target of POLICY_TARGETS) {
    text(`${POLICY_DIR}/windows/${target.file}.admx`, admx(target));
    for (const language of LANGUAGES)
      text(`${POLICY_DIR}/windows/${language}/${target.file}.adml`, adml(target, language));
    files.set(`${POLICY_DIR}/windows/examples/${target.file}.reg`, encodeRegFile(regFile(target, EXAMPLE_POLICY)));
    const linux = { '3rdparty': { extensions: { [target.extensionId]: EXAMPLE_POLICY } } };
    text(`${POLICY_DIR}/linux/${target.file}.json`, `${JSON.stringify(linux, null, 2)}\n`);
  }
  return files;
}

/** Files whose content on disk differs from a fresh generation (missing ones included). */
export function staleFiles(root: string, files = generatePolicyFiles()): string[] {
  return [...files]
    .filter(([file, content]) => {
      try {
        return !readFileSync(path.join(root, file)).equals(content);
      } catch {
        return true;
      }
    })
    .map(([file]) => file);
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const started = performance.now();
  const files = generatePolicyFiles();
  if (process.argv.includes('--check')) {
    const stale = staleFiles(root, files);
    if (stale.length > 0) {
      console.error(`[policy] out of date (run npm run build): ${stale.join(', ')}`);
      process.exit(1);
    }
    return;
  }
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  console.log(
    `[policy] ${files.size} files from shared/policy/schema.ts in ${(performance.now() - started).toFixed(0)} ms`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
