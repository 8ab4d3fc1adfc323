// Every time and count in a text comes from the rule set's timers: phrases are templates whose
// placeholders are filled from `timers`, and a phrase that states a window or a count other than
// the timers' is refused (schema.ts). Pure, no zod: content scripts fill phrases too.

/** The timers a phrase can speak of. */
export interface PhraseTimers {
  replyWindowMinutes: number;
  minAttempts: number;
  noticeAfterMinutes: number;
  acceptWithinMinutes: number;
}

/** Placeholder → the timer it is filled from, and how. */
export const PHRASE_PLACEHOLDERS = {
  svarstid: { timer: 'replyWindowMinutes', kind: 'duration' },
  försök: { timer: 'minAttempts', kind: 'count' },
  påminnelsetid: { timer: 'noticeAfterMinutes', kind: 'duration' },
  mottagningstid: { timer: 'acceptWithinMinutes', kind: 'duration' },
} as const satisfies Record<string, { timer: keyof PhraseTimers; kind: 'duration' | 'count' }>;
export type PhrasePlaceholder = keyof typeof PHRASE_PLACEHOLDERS;

// The manual writes small numbers as "två (2)": a word and the digit, so nobody misreads them.
const WORDS = ['', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];
const WORD_VALUES: Record<string, number> = { en: 1, ...Object.fromEntries(WORDS.map((w, i) => [w, i])) };
delete WORD_VALUES[''];

/** "två (2)" for 2–12 (the manual's way), else the digits; "ett (1)" for 1. */
export function countText(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 12 ? `${WORDS[n]} (${n})` : String(n);
}

/** "två (2) timmar", "1 timme", "90 minuter", "1 minut": a duration in minutes, in Swedish. */
export function durationText(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 timme' : `${hours <= 12 ? countText(hours) : hours} timmar`;
  }
  return minutes === 1 ? '1 minut' : `${minutes} minuter`;
}

const PLACEHOLDER_RE = /\{([^{}]*)\}/gu;

/** A phrase with its placeholders filled from the timers; unknown placeholders are left as they are. */
export function fillPhrase(template: string, timers: PhraseTimers): string {
  return template.replace(PLACEHOLDER_RE, (whole, name: string) => {
    const spec = PHRASE_PLACEHOLDERS[name as PhrasePlaceholder];
    if (!spec) return whole;
    const value = timers[spec.timer];
    return spec.kind === 'duration' ? durationText(value) : countText(value);
  });
}

/** Placeholders in `template` that are not PHRASE_PLACEHOLDERS (a typo would be sent as is). */
export function unknownPlaceholders(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER_RE), (m) => m[1] ?? '').filter(
    (name) => !(name in PHRASE_PLACEHOLDERS),
  );
}

const NUMBER = `(\\d+|${Object.keys(WORD_VALUES).join('|')})(?:\\s*\\((\\d+)\\))?`;
// "2 timmar", "två (2) timmar", "1 timme", "90 minuter", "15 min", "2-timmars": not inside a word.
const DURATION_RE = new RegExp(
  `(?<![\\p{L}\\d])${NUMBER}\\s*-?\\s*(timmar|timme|tim|minuter|minut|min)(?![\\p{L}])`,
  'giu',
);
const ATTEMPTS_RE = new RegExp(`(?<![\\p{L}\\d])${NUMBER}\\s+kontaktförsök`, 'giu');

function numberOf(word: string, digits: string | undefined): number {
  // "två (2)": the digits win (they are what the reader relies on); a contradiction is caught too.
  const spoken = /^\d+$/.test(word) ? Number(word) : (WORD_VALUES[word.toLocaleLowerCase('sv')] ?? Number.NaN);
  return digits !== undefined && Number(digits) !== spoken ? Number.NaN : digits ? Number(digits) : spoken;
}

/** The durations a text states, in minutes (NaN for a self-contradicting "två (3) timmar"). */
export function statedDurations(text: string): { text: string; minutes: number }[] {
  return Array.from(text.matchAll(DURATION_RE), (m) => {
    const n = numberOf(m[1] ?? '', m[2]);
    const unit = (m[3] ?? '').toLocaleLowerCase('sv');
    return { text: m[0], minutes: unit.startsWith('tim') ? n * 60 : n };
  });
}

/** The attempt counts a text states ("två (2) kontaktförsök"). */
export function statedAttempts(text: string): { text: string; count: number }[] {
  return Array.from(text.matchAll(ATTEMPTS_RE), (m) => ({ text: m[0], count: numberOf(m[1] ?? '', m[2]) }));
}

/** One way a phrase contradicts the timers: its Swedish, with an ID and values for other languages. */
export interface PhraseProblem {
  id: 'unknown-placeholder' | 'phrase-duration' | 'phrase-attempts';
  /** unknown-placeholder: the name and the allowed ones; phrase-duration: the words and the window in minutes; phrase-attempts: the words and minAttempts. */
  values: string[];
  sv: string;
}

/**
 * Why a phrase contradicts the timers (empty when it does not): a stated duration other than the
 * reply window, a stated attempt count other than minAttempts, an unknown placeholder.
 * `speaksOfTimers` false (phrases about other things, e.g. a pause "till nästa dag"): only the
 * placeholders are checked.
 */
export function phraseProblems(template: string, timers: PhraseTimers, speaksOfTimers = true): PhraseProblem[] {
  const problems: PhraseProblem[] = [];
  const allowed = Object.keys(PHRASE_PLACEHOLDERS)
    .map((p) => `{${p}}`)
    .join(', ');
  for (const name of unknownPlaceholders(template))
    problems.push({
      id: 'unknown-placeholder',
      values: [name, allowed],
      sv: `okänd platshållare {${name}} – tillåtna är ${allowed}`,
    });
  if (!speaksOfTimers) return problems;
  const literal = template.replace(PLACEHOLDER_RE, ' ');
  const window = timers.replyWindowMinutes;
  for (const d of statedDurations(literal))
    if (d.minutes !== window)
      problems.push({
        id: 'phrase-duration',
        values: [d.text, String(window)],
        sv: `anger tiden "${d.text}", men timers.replyWindowMinutes är ${durationText(window)} – skriv {svarstid} så följer texten reglerna`,
      });
  for (const a of statedAttempts(literal))
    if (a.count !== timers.minAttempts)
      problems.push({
        id: 'phrase-attempts',
        values: [a.text, String(timers.minAttempts)],
        sv: `anger "${a.text}", men timers.minAttempts är ${timers.minAttempts} – skriv {försök} så följer texten reglerna`,
      });
  return problems;
}
