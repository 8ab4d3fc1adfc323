/**
 * The only module that calls `browser.storage`. Every record is defined once, where its shape is
 * owned (an item for a fixed key, a record set for keys made from an id), with the `parse` that
 * turns what was stored into its type: a value that fails it reads as absent, never as a
 * half-right record. Removal reads as null whatever the area says (`undefined` in Chrome, `null`
 * in the test browser).
 *
 * Versions: `parse` is also the record's migration. A record whose shape changes carries its
 * version (the rule set's `schemaVersion`), and its parse reads every version it still accepts
 * into the current shape or refuses it; nothing is rewritten behind the reader's back, and no
 * code runs on the content script's path for records that never changed. (Deliberately not
 * @wxt-dev/storage: ≈3.7 KB gzipped in the content script, whose bundle must not grow.)
 */
export type Area = 'local' | 'session' | 'managed';

/** Turns a stored value into the record, or null when it is not one. */
export type Parse<T> = (raw: unknown) => T | null;

export interface Item<T> {
  readonly area: Area;
  readonly key: string;
  /** The value, or the fallback when there is none (or it is unreadable). */
  get(): Promise<T>;
  /** A value of this record that came another way (a message from the background), checked the same way. */
  read(raw: unknown): T;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Called with every change (the fallback on removal) until `signal` aborts (the worker: for good). */
  watch(listener: (value: T) => void, signal?: AbortSignal): void;
}

export interface ItemOptions<T> {
  fallback: T;
  parse: Parse<T>;
}

type Changes = Record<string, { newValue?: unknown }>;

function areaOf(area: Area) {
  return browser.storage[area];
}

/** Listens to one area's changes until `signal` aborts. */
export function onAreaChanged(area: Area, listener: (changes: Changes) => void, signal?: AbortSignal): void {
  const handler = (changes: Changes, changedArea: string) => {
    if (changedArea === area) listener(changes);
  };
  browser.storage.onChanged.addListener(handler);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler));
}

/**
 * Every value of an area at once (IT's whole policy, from managed storage); undefined when the
 * area cannot be read (no managed storage on this machine or browser).
 */
export async function readWholeArea(area: Area): Promise<Record<string, unknown> | undefined> {
  try {
    return await areaOf(area).get(null);
  } catch {
    return undefined;
  }
}

export function defineItem<T>(area: Area, key: string, options: ItemOptions<T>): Item<T> {
  const read = (raw: unknown): T => (raw == null ? null : options.parse(raw)) ?? options.fallback;
  return {
    area,
    key,
    async get() {
      return read((await areaOf(area).get(key))[key]);
    },
    read,
    async set(value) {
      await areaOf(area).set({ [key]: value });
    },
    async remove() {
      await areaOf(area).remove(key);
    },
    watch(listener, signal) {
      onAreaChanged(
        area,
        (changes) => {
          if (key in changes) listener(read(changes[key]?.newValue));
        },
        signal,
      );
    },
  };
}

/** Records kept under keys made from an id (one per visit, one per tab), all of one shape. */
export interface RecordSet<T> {
  /** Whether a storage key is one of these records. */
  owns(key: string): boolean;
  /** The record, or null when there is none (or it is unreadable). */
  get(key: string): Promise<T | null>;
  set(key: string, value: T): Promise<void>;
  setMany(records: Record<string, T>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Every stored key of the set with its record (null: stored but unreadable). */
  all(): Promise<[string, T | null][]>;
  /** Called with each change of a record of the set (null: removed or unreadable). */
  watch(listener: (key: string, value: T | null) => void, signal?: AbortSignal): void;
}

export function defineRecordSet<T>(area: Area, owns: (key: string) => boolean, parse: Parse<T>): RecordSet<T> {
  const read = (raw: unknown): T | null => (raw == null ? null : parse(raw));
  return {
    owns,
    async get(key) {
      return read((await areaOf(area).get(key))[key]);
    },
    async set(key, value) {
      await areaOf(area).set({ [key]: value });
    },
    async setMany(records) {
      if (Object.keys(records).length > 0) await areaOf(area).set(records);
    },
    async remove(keys) {
      if (keys.length > 0) await areaOf(area).remove(keys);
    },
    async all() {
      const stored = await areaOf(area).get(null);
      return Object.entries(stored)
        .filter(([key]) => owns(key))
        .map(([key, raw]): [string, T | null] => [key, read(raw)]);
    },
    watch(listener, signal) {
      onAreaChanged(
        area,
        (changes) => {
          for (const [key, change] of Object.entries(changes)) if (owns(key)) listener(key, read(change.newValue));
        },
        signal,
      );
    },
  };
}

/**
 * Session storage stays trusted-only (Chrome's default, set again at every start): it holds every
 * tab's journal facts and the bridge's endpoint, which a content script must never read.
 */
export function keepSessionTrustedOnly(): Promise<void> {
  return chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/** A plain object (not null, not an array): what a stored record is before its fields are checked. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString = (value: unknown): value is string => typeof value === 'string';
export const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
export const isNumberOrNull = (value: unknown): value is number | null => value === null || typeof value === 'number';
