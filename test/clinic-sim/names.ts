/**
 * Seeded, hashed class names and ARIA ids: the simulator never exposes a stable class or id, so
 * nothing (tests, the page adapter) can anchor on them, just like the real console whose
 * generated class names change with every deploy. Same seed → same names; another seed → other
 * names. Browser-safe (no node imports): the page bundle uses it too.
 */

/** cyrb53: a small, fast, well-mixed 53-bit string hash (public domain). */
export function hash53(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function shortHash(text: string): string {
  return hash53(text).toString(36).padStart(8, '0').slice(-7);
}

export interface ClassNamer {
  readonly seed: string;
  /** The class for an element of the given role, e.g. `c_k3j9x0q`. */
  cls(role: string): string;
  /** An id (only where ARIA needs one: aria-labelledby, aria-controls). */
  id(role: string): string;
}

export function createClassNamer(seed: string): ClassNamer {
  const classes = new Map<string, string>();
  const ids = new Map<string, string>();
  return {
    seed,
    cls(role) {
      let name = classes.get(role);
      if (!name) {
        name = `c_${shortHash(`${seed}\u0000${role}`)}`;
        classes.set(role, name);
      }
      return name;
    },
    id(role) {
      let name = ids.get(role);
      if (!name) {
        name = `c_${shortHash(`${seed}\u0001${role}`)}`;
        ids.set(role, name);
      }
      return name;
    },
  };
}

/** A deterministic UUID-shaped id (version 4 layout) from a seed and a counter. */
export function seededUuid(seed: string, n: number): string {
  const hex = (salt: number) => hash53(`${seed}#${n}`, salt).toString(16).padStart(14, '0').slice(-12);
  const a = hex(1);
  const b = hex(2);
  const c = hex(3);
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${b.slice(0, 3)}-${'89ab'[Number.parseInt(b[3]!, 16) % 4]}${b.slice(4, 7)}-${c}`;
}
