import { priorityIn, waitedMinutes } from './identity-text';
import type { SelectorRegistry } from './selectors';

/** Text the patterns run over once: any text compiles them, none of it is read. */
const SAMPLE = 'Prioritet 2 · Väntat 1 tim 5 min';

/**
 * Issue 16: V8 compiles a regular expression on its first run and again, to machine code, on its
 * second; the vocabulary's patterns (Unicode letter classes before and after each word, ≈ 1 ms
 * each) were compiled on the clinician's first click that needed them (Drop in's column headers
 * and waiting times). Run while the browser is idle after the page's first read, they are ready
 * when the clinician acts. The compiled code is shared by every pattern with the same source and
 * flags, so a registry rebuilt for new rules reuses it.
 */
export function warmUpPatterns(registry: SelectorRegistry): void {
  const { column, authors: _authors, ...single } = registry.match;
  for (const pattern of [...Object.values(single), ...Object.values(column)]) {
    pattern?.test(SAMPLE);
    pattern?.test(SAMPLE);
  }
  for (let i = 0; i < 2; i++) {
    waitedMinutes(SAMPLE);
    priorityIn(SAMPLE);
  }
}
