// Schema version 1 → 2. Version 1 (the first release) had:
// - timers in hours for the reply window (`replyWindowHours`), and no queue colours or notice delay;
// - protected identity as two flat fields (`protectedIdentityMarkers`, `protectedIdentityRoutineUrl`);
// - no `channelPrecedence` (video > telefon > chatt was code) and no `selectorOverrides`.
// Version 2 makes precedence data, adds Clinic selector overrides and the queue/notice timers.
import { z } from 'zod';
import { ownWords } from '../errors';
import { positiveInt, text, uniqueEntries, uniqueTexts, webUrl } from '../primitives';
import { defineMigration } from './migration';

const notInV1 = (key: string) =>
  z
    .never({
      error: ownWords(`finns inte i schemaversion 1 – ange schemaVersion 2 om filen använder ${key}`, 'not-in-v1', [
        key,
      ]),
    })
    .optional();

/** Frozen: the parts of version 1 this step reads; the rest passes through to version 2's checks. */
const v1Schema = z.looseObject({
  schemaVersion: z.literal(1),
  timers: z.strictObject({
    // Must be whole minutes once converted: version 2 counts in minutes.
    replyWindowHours: z.number().refine((h) => h > 0 && Number.isInteger(Math.round(h * 60 * 1e6) / 1e6), {
      error: ownWords('måste vara ett antal timmar större än 0 som blir hela minuter', 'whole-minutes'),
    }),
    minAttempts: positiveInt(),
    phonePriorities: z.array(z.number().int().min(1).max(5)).superRefine((list, ctx) => uniqueEntries(list, ctx)),
    acceptWithinMinutes: positiveInt(),
  }),
  protectedIdentityMarkers: uniqueTexts().min(1),
  protectedIdentityRoutineUrl: webUrl(),
  protectedIdentityRoutineTitle: text().optional(),
  channelPrecedence: notInV1('channelPrecedence'),
  selectorOverrides: notInV1('selectorOverrides'),
  protectedIdentity: notInV1('protectedIdentity'),
});

/** What version 2 adds, as version 1's code behaved. */
const V1_PRECEDENCE = ['video', 'telefon', 'chatt'] as const;
const DEFAULT_NOTICE_AFTER_MINUTES = 10;
const DEFAULT_AMBER_MINUTES = 10;
const DEFAULT_ROUTINE_TITLE = 'Region Uppsalas rutin för patienter med skyddade personuppgifter';

/** RFC 2606 / 6761 reserved names: a URL there was never set by the region. */
export function isPlaceholderUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return /(^|\.)example$/.test(host) || /(^|\.)example\.(com|net|org)$/.test(host);
}

export const v001ToV002 = defineMigration({
  from: 1,
  to: 2,
  schema: v1Schema,
  migrate(v1) {
    const {
      timers,
      protectedIdentityMarkers,
      protectedIdentityRoutineUrl,
      protectedIdentityRoutineTitle,
      channelPrecedence: _p,
      selectorOverrides: _s,
      protectedIdentity: _i,
      ...rest
    } = v1;
    // Red = the R-Q-1 acceptance deadline; amber a few minutes before it.
    const red = timers.acceptWithinMinutes;
    return {
      ...rest,
      schemaVersion: 2,
      channelPrecedence: [...V1_PRECEDENCE],
      timers: {
        replyWindowMinutes: Math.round(timers.replyWindowHours * 60),
        minAttempts: timers.minAttempts,
        phonePriorities: timers.phonePriorities,
        noticeAfterMinutes: DEFAULT_NOTICE_AFTER_MINUTES,
        acceptWithinMinutes: timers.acceptWithinMinutes,
        queueAmberAfterMinutes: Math.min(DEFAULT_AMBER_MINUTES, red - 1),
        queueRedAfterMinutes: red,
      },
      protectedIdentity: {
        markers: protectedIdentityMarkers,
        routine: {
          title: protectedIdentityRoutineTitle ?? DEFAULT_ROUTINE_TITLE,
          url: protectedIdentityRoutineUrl,
          placeholder: isPlaceholderUrl(protectedIdentityRoutineUrl),
        },
      },
      selectorOverrides: {},
    };
  },
});
