/** One measured number of `npm run bench`, with the issue's budget beside it. */
export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'KB' | '×';
  /** e.g. 'median', 'p95', 'p99', 'gzip'. */
  statistic: string;
  /** null: reported for context, no budget in the issues. */
  budget: number | null;
}

/** Each `bench/*.bench.ts` file default-exports one of these; `npm run bench` runs them all. */
export type BenchSuite = () => Promise<BenchResult[]>;

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, returning each duration in ms. */
export async function sample(fn: () => unknown, runs = 50, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}
