// `npm run bench`: runs every bench/*.bench.ts suite and prints each number against its budget.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult, BenchSuite } from '../bench/types';

const dir = path.resolve('bench');
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();
const results: BenchResult[] = [];
for (const file of files) {
  const suite = (await import(pathToFileURL(path.join(dir, file)).href)).default as BenchSuite;
  console.log(`\n▶ ${file}`);
  for (const r of await suite()) {
    results.push(r);
    const ok = r.budget === null || r.value <= r.budget;
    const budget = r.budget === null ? 'no budget' : `budget ${r.budget} ${r.unit}`;
    console.log(`  ${ok ? '✔' : '✖'} ${r.name}: ${r.value.toFixed(2)} ${r.unit} ${r.statistic} (${budget})`);
  }
}
const over = results.filter((r) => r.budget !== null && r.value > r.budget);
console.log(`\n${results.length - over.length} within budget, ${over.length} over budget`);
process.exit(over.length > 0 ? 1 : 0);
