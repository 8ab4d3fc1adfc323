/**
 * The query cache of one read of the page, and its life: made per console change (observer.ts),
 * shared by the snapshot and every feature reading in that task, kept until the next change.
 */

/**
 * Query results shared by one read of the page: several fields search the same scope with the
 * same selector (every heading strategy queries all headings), and a 2,000-message visit makes
 * each such query cost.
 */
export type QueryCache = Map<ParentNode, Map<string, Element[]>> & {
  names?: Map<Element, string>;
  /**
   * locateAll's answers: scope → the strategy (as JSON) → the elements it designates. `carried`:
   * made only of what carryOver keeps (the structure's selector answers, the names, text outside
   * long lists), so still true after messages appended; not a text pattern's ('*' queries).
   */
  located?: Map<ParentNode, Map<string, { elements: Element[]; carried: boolean }>>;
  /** sharedInRead's answers: reader → document → its second argument → answer. */
  reads?: Map<unknown, Map<Document, Map<unknown, unknown>>>;
};

/**
 * The query cache of the read under way: the companion reads the snapshot and runs every
 * feature's listener in one task, so the readers features call then share the snapshot's
 * structure index instead of each walking the whole (long) chat again. A nested call shares the
 * outer read's cache.
 */
let ambient: QueryCache | undefined;

export function withQueryCache<T>(cache: QueryCache, run: () => T): T {
  if (ambient) return run();
  ambient = cache;
  try {
    return run();
  } finally {
    ambient = undefined;
  }
}

/**
 * A reader's answer shared by every feature in the read under way (two features ask for the
 * visit's people on each change of a 2,000-message visit). Only within one read: between reads
 * a field's value can change without a DOM mutation, so nothing is kept past it.
 */
export function sharedInRead<A, T>(reader: (doc: Document, arg: A) => T, doc: Document, arg: A): T {
  if (!ambient) return reader(doc, arg);
  ambient.reads ??= new Map();
  const byDoc = ambient.reads.get(reader) ?? new Map<Document, Map<unknown, unknown>>();
  ambient.reads.set(reader, byDoc);
  const byArg = byDoc.get(doc) ?? new Map<unknown, unknown>();
  byDoc.set(doc, byArg);
  if (!byArg.has(arg)) byArg.set(arg, reader(doc, arg));
  return byArg.get(arg) as T;
}

/**
 * The last read's cache, kept for reads between two console changes (a keystroke, a 1 s tick:
 * typing in a field changes no markup, so 200 keystrokes would otherwise walk the chat 200
 * times). `fresh` says whether the console is unchanged since (the observer's pending records).
 */
let standing: { doc: Document; cache: QueryCache; fresh(): boolean } | undefined;

export function keepQueryCache(doc: Document, cache: QueryCache, fresh: () => boolean): void {
  standing = { doc, cache, fresh };
}

/** The cache a read of `doc` may use: the read under way's, else the standing one if still fresh. */
export function ambientQueryCache(doc: Document): QueryCache | undefined {
  if (ambient) return ambient;
  if (standing && !standing.fresh()) standing = undefined;
  return standing?.doc === doc ? standing.cache : undefined;
}

/**
 * For a read after changes that left the page's structure as it was (messages appended to a long
 * list, whose items the structure index leaves out): the last read's structure index, its
 * selector answers and accessible names, still true. Not the '*' queries (they see every element
 * of their scope, the list's items too) nor the readers' answers (a field's value can change
 * without a DOM mutation). Moved, not copied (`from` is the last read's, not used after): a copy
 * of every scope's answers on each message arriving cost more than the look-ups it saved.
 */
export function carryOver(from: QueryCache, to: QueryCache): void {
  if (from === to) return;
  for (const [root, bySelector] of from) {
    bySelector.delete('*');
    if (bySelector.size > 0) to.set(root, bySelector);
  }
  if (from.names) to.names = from.names;
  for (const [scope, byStrategy] of from.located ?? []) {
    for (const [key, hits] of byStrategy) if (!hits.carried) byStrategy.delete(key);
    if (byStrategy.size === 0) continue;
    to.located ??= new Map();
    to.located.set(scope, byStrategy);
  }
  from.clear();
  from.located = undefined;
}
