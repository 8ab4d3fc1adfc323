/**
 * The Swedish calendar and wall clock (Europe/Stockholm), whatever the host's time zone: ages,
 * "under 1 year", "13 or older", queue and reply times are all reckoned on the day and clock of
 * the service, not of the machine (a PC set to UTC would make a child 13 an hour late).
 * Intl only, no date library: the engine's zone data knows the summer-time rules.
 */

export type Ymd = readonly [year: number, month: number, day: number];

export const STOCKHOLM_ZONE = 'Europe/Stockholm';

// One formatter, created once: constructing an Intl.DateTimeFormat costs far more than using it.
const PARTS = new Intl.DateTimeFormat('sv-SE', {
  timeZone: STOCKHOLM_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number): WallClock {
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of PARTS.formatToParts(new Date(ms))) {
    if (part.type in out) out[part.type as keyof WallClock] = Number(part.value);
  }
  return out;
}

/** The Swedish calendar date of an instant. Throws on an invalid Date (a caller's bug). */
export function stockholmYmd(date: Date): Ymd {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('stockholmYmd: invalid Date');
  // The UTC fields of the instant shifted by its offset are the Swedish wall clock's (cheap:
  // the offset is cached per hour, and the parser and age rules run on every page read).
  const shifted = new Date(ms + stockholmOffsetMs(ms));
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
}

// Offsets change only on whole hours (UTC 01:00 in Sweden): cache them per UTC hour.
const offsetCache = new Map<number, number>();
const HOUR_MS = 3_600_000;

/** Stockholm's offset from UTC at an instant, in ms (+3 600 000 in winter, +7 200 000 in summer). */
export function stockholmOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;
  const at = hour * HOUR_MS;
  const w = wallClock(at);
  // Years 0–99 would be read as 19xx by Date.UTC; Swedish wall time that old never occurs here.
  const offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - at;
  if (offsetCache.size > 10_000) offsetCache.clear();
  offsetCache.set(hour, offset);
  return offset;
}

/**
 * The instant of a Swedish wall-clock time. As a Swedish clock reads it: in the autumn hour that
 * occurs twice the earlier one; in the spring hour that never occurs, the time one hour later
 * (the same choices `new Date(y, m, d, h)` makes on a host set to Europe/Stockholm).
 */
export function stockholmWallTimeToMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millis = 0,
): number {
  const asUtc = utcMs(year, month, day, hour, minute, second, millis);
  // The offset before and after any transition near this time; try the earlier (summer) first.
  const before = stockholmOffsetMs(asUtc - 3 * HOUR_MS);
  const after = stockholmOffsetMs(asUtc + 3 * HOUR_MS);
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = asUtc - offset;
    if (stockholmOffsetMs(candidate) === offset) return candidate;
  }
  // In the skipped spring hour: the clock has already jumped, so read it with the winter offset.
  return asUtc - Math.min(before, after);
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y);
  return date.getTime();
}

/** "14:05", on the Swedish clock (notifications, feedback lines). */
export function stockholmTimeText(date: Date): string {
  const shifted = new Date(date.getTime() + stockholmOffsetMs(date.getTime()));
  return `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}
