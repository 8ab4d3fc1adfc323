/**
 * Times as the console and the extension write them: strict ISO 8601, and a time without an
 * offset is Swedish time (the console's clock) on any host. Used for every event, queue row and
 * visit start, so it is scanned by hand (bench) and never guesses (an invalid time is NaN).
 */
import { stockholmWallTimeToMs } from './stockholm-time';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The `count` decimal digits of `s` from `at` as a number, or -1 if any is not a digit. */
function digitsAt(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48; // NaN past the end, so also rejected
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Strict ISO 8601 date-time (`YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`, ±HHMM too) to epoch ms, or NaN.
 * `Date.parse` alone is too lenient: V8 rolls 2024-02-30 over into March, accepts 24:00 and
 * free text such as "March 7, 2024". A bare date is rejected: it cannot order chat messages.
 * Scanned by hand, not by regex + Date.parse: this runs per event on every evaluation (bench).
 */
export function parseIsoTime(value: unknown): number {
  if (typeof value !== 'string' || value.length < 16) return Number.NaN;
  const s = value;
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':') return Number.NaN;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return Number.NaN;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0)) return Number.NaN;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (s[i] === ':') {
    second = digitsAt(s, i + 1, 2);
    if (second < 0 || second > 59) return Number.NaN;
    i += 3;
    if (s[i] === '.') {
      let n = 0;
      while (n < 9 && digitsAt(s, i + 1 + n, 1) >= 0) n++;
      if (n === 0) return Number.NaN;
      const kept = Math.min(n, 3); // truncates to milliseconds, as Date.parse does
      millis = digitsAt(s, i + 1, kept) * 10 ** (3 - kept);
      i += 1 + n;
    }
  }
  let offsetMinutes = 0;
  if (i === s.length) {
    // No zone: the console's clock, Swedish time, whatever the host's zone (R-NR-1, R-Q-1).
    return stockholmWallTimeToMs(year, month, day, hour, minute, second, millis);
  }
  if (s[i] === 'Z') {
    if (i + 1 !== s.length) return Number.NaN;
  } else if (s[i] === '+' || s[i] === '-') {
    const colon = s[i + 3] === ':' ? 1 : 0; // ±HH:MM, or ±HHMM as engines also accept
    const oh = digitsAt(s, i + 1, 2);
    const om = digitsAt(s, i + 3 + colon, 2);
    if (i + 5 + colon !== s.length || oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offsetMinutes = (s[i] === '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return Number.NaN;
  }
  const offsetMs = offsetMinutes * 60_000;
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMs;
  // Date.UTC maps years 0–99 to 19xx; setUTCFullYear does not (2000 is leap, so Feb 29 survives).
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  d.setUTCFullYear(year);
  return d.getTime() - offsetMs;
}
