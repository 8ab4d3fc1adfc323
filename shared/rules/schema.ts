// The rule set, schema version 3: the single source of truth for the RuleSet type (z.infer), the
// Swedish validation messages, and (later) the enterprise policy schema. Rules that differ per
// region, unit or role are data here, not code (R-J-5).
import { z } from 'zod';
import { CLINIC_FIELDS } from '../selector-strategy';
import { ownIssue, ownWords } from './errors';
import { KONTAKTSATT } from './kontaktsatt';
import { type PhraseTimers, phraseProblems } from './phrases';
import { isoDate, positiveInt, regexSource, text, uniqueEntries, uniqueTexts, webUrl } from './primitives';

import { CURRENT_SCHEMA_VERSION } from './version';

/** The journal template's Kontaktsätt values (R-J-6), in the manual's order. */
export { CURRENT_SCHEMA_VERSION, KONTAKTSATT };
export const kontaktsattSchema = z.enum(KONTAKTSATT);
export type Kontaktsatt = z.infer<typeof kontaktsattSchema>;

// --- Clinic selector overrides: mirrors shared/selector-strategy.ts exactly (type-checked in the tests).

export const selectorStrategySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('label'), label: text(), exact: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('heading'), text: text(), exact: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('role'), role: text(), name: text().optional() }),
  z.strictObject({ kind: z.literal('term'), term: text() }),
  // The adapter compiles it with flag `u`, so that is what must compile here.
  z.strictObject({ kind: z.literal('text-pattern'), pattern: regexSource('u') }),
  z.strictObject({ kind: z.literal('css'), selector: text() }),
]);

/** An override replaces a field's whole list; an empty list would make the field unfindable. */
export const selectorOverridesSchema = z.partialRecord(z.enum(CLINIC_FIELDS), z.array(selectorStrategySchema).min(1));

/** Words the adapter adds to its defaults (shared/adapter-vocabulary.ts): additions only, never removals. */
const words = () => uniqueTexts().min(1).optional();
export const adapterVocabularySchema = z.strictObject({
  patientHeader: words(),
  identityLabels: words(),
  otherPersonWords: words(),
  phoneWords: words(),
  protectionMarkers: words(),
  chatAuthors: z.strictObject({ patient: words(), clinician: words(), system: words() }).optional(),
  callEvents: z.strictObject({ video: words(), phone: words() }).optional(),
  queueNames: words(),
  queueColumns: z.strictObject({ priority: words(), patient: words(), arrival: words(), waited: words() }).optional(),
  roles: words(),
  mainMenu: words(),
});

// --- Contact channels → vårdkontakt and vårdtjänst (R-J-2..R-J-4).

export const channelRuleSchema = z
  .strictObject({
    /** The vårdkontakt to create in Cosmic (R-J-2). */
    vardkontakt: text(),
    vardtjanst: z.strictObject({
      required: z.boolean(),
      /** 'ingen' is the literal Cosmic choice "no service code" (R-J-3). */
      allowed: uniqueTexts().min(1),
    }),
    /** The rule the mapping enforces, shown beside the proposal. */
    ruleId: text(),
  })
  .superRefine((channel, ctx) => {
    if (channel.vardtjanst.required && channel.vardtjanst.allowed.includes('ingen'))
      ctx.addIssue(
        ownIssue("'ingen' kan inte vara tillåten när en vårdtjänst krävs", 'ingen-when-required', [], {
          path: ['vardtjanst', 'allowed'],
        }),
      );
  });

export const restrictionSchema = z
  .strictObject({
    id: text(),
    unit: text(),
    role: text(),
    forbidKontaktsatt: kontaktsattSchema,
    fallback: kontaktsattSchema,
    /** Shown to the clinician, Swedish: why, and what to do instead. */
    message: text(),
  })
  .refine((r) => r.fallback !== r.forbidKontaktsatt, {
    error: ownWords('får inte vara samma kontaktsätt som forbidKontaktsatt', 'fallback-same'),
    path: ['fallback'],
  });

// --- The journal template's keywords (sökord, R-J-6), in template order.

export const keywordSchema = z.discriminatedUnion('fill', [
  z.strictObject({
    keyword: text(),
    fill: z.literal('kontaktsatt'),
    /** Note text when no channel is known; `{alternativ}` → the clinician's choices. */
    unknownText: text(),
  }),
  z.strictObject({
    keyword: text(),
    fill: z.literal('anamnesis'),
    /** Note text when the anamnesis could not be read: says so rather than inventing one. */
    missingText: text(),
  }),
  z.strictObject({
    keyword: text(),
    fill: z.literal('images'),
    /** Note text; `{antal}` → "1 bild" / "3 bilder". */
    text: text(),
    /** To the clinician, not the note (R-J-6: images are not stored in Cosmic). */
    reminder: text(),
  }),
  /** Left for the clinician (Bedömning, Åtgärd, Råd …). */
  z.strictObject({
    keyword: text(),
    fill: z.literal('empty'),
    /** Not named by the manual (R-J-6): a default the region is to confirm; shown as such. */
    regionToConfirm: z.boolean().optional(),
  }),
]);
export type TemplateKeyword = z.infer<typeof keywordSchema>;

const REQUIRED_FILLS = ['kontaktsatt', 'anamnesis', 'images'] as const;

export const templateSchema = z
  .strictObject({
    name: text(),
    keywords: z.array(keywordSchema).min(1),
    /** Where the short no-reply note goes (R-NR-4, R-J-8). */
    noReplyKeyword: text(),
    /** R-J-6: the reminder of the diagnosis and/or action code before signing (the region's words). */
    codeReminder: text().optional(),
  })
  .superRefine((template, ctx) => {
    uniqueEntries(
      template.keywords.map((k) => k.keyword),
      ctx,
      ['keywords'],
    );
    for (const fill of REQUIRED_FILLS) {
      const count = template.keywords.filter((k) => k.fill === fill).length;
      if (count !== 1)
        ctx.addIssue(
          ownIssue(
            `måste ha exakt ett sökord med fill '${fill}' (R-J-6), har ${count}`,
            'fill-count',
            [fill, String(count)],
            {
              path: ['keywords'],
            },
          ),
        );
    }
    if (!template.keywords.some((k) => k.keyword === template.noReplyKeyword))
      ctx.addIssue(
        ownIssue(
          `'${template.noReplyKeyword}' finns inte bland keywords`,
          'not-in-keywords',
          [template.noReplyKeyword],
          {
            path: ['noReplyKeyword'],
          },
        ),
      );
  });

// --- Phrases (Swedish, sent in the chat or written in the note). Templates: `{svarstid}`,
// `{försök}`, `{påminnelsetid}`, `{mottagningstid}` are filled from `timers` (rules/phrases.ts);
// a phrase stating another window or count than the timers is refused (checkPhrases below).

export const phrasesSchema = z.strictObject({
  /** R-NR-1: answer within the reply window (`{svarstid}`) or the case is closed. */
  noReplyNotice: text(),
  /** R-NR-4, R-J-8: the short note when closing without an answer. */
  noReplyNote: text(),
  /** R-HO-2: the case is paused. */
  pauseNotice: text(),
  /** R-HO-2: the case is handed over. */
  handoverNotice: text(),
  /** R-S-3: when urgent, call 1177 or go to an emergency department. */
  urgentAdvice: text(),
});

export const timersSchema = z
  .strictObject({
    /** R-NR-1: the reply window announced to the patient. */
    replyWindowMinutes: positiveInt(),
    /** R-NR-2: chat attempts before closing. */
    minAttempts: positiveInt(),
    /** R-NR-3: priorities where the patient is always phoned. */
    phonePriorities: z.array(z.number().int().min(1).max(5)).superRefine((list, ctx) => uniqueEntries(list, ctx)),
    /** Silence after which the R-NR-1 notice is suggested. */
    noticeAfterMinutes: positiveInt(),
    /** R-Q-1: every case accepted within 15 minutes: the queue's red mark and its notification. */
    acceptWithinMinutes: positiveInt(),
    /** Amber before the R-Q-1 deadline: an early warning (our choice, not the manual's). */
    queueAmberAfterMinutes: positiveInt(),
  })
  .refine((t) => t.queueAmberAfterMinutes < t.acceptWithinMinutes, {
    error: ownWords('måste vara större än queueAmberAfterMinutes', 'after-amber'),
    path: ['acceptWithinMinutes'],
  });

const ruleSetShape = {
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  meta: z.strictObject({
    name: text(),
    region: text(),
    /** The region's own version string of this rule set. */
    version: text(),
    updatedAt: isoDate(),
    /** The routine the rules come from. */
    source: text().optional(),
  }),
  units: uniqueTexts().min(1),
  roles: uniqueTexts().min(1),
  contactChannels: z.strictObject({ chatt: channelRuleSchema, telefon: channelRuleSchema, video: channelRuleSchema }),
  /** Several channels in one visit → the first of these that happened is the contact. */
  channelPrecedence: z.array(kontaktsattSchema).superRefine((list, ctx) => {
    uniqueEntries(list, ctx);
    const missing = KONTAKTSATT.filter((k) => !list.includes(k));
    const names = missing.map((k) => `'${k}'`).join(', ');
    if (missing.length > 0) ctx.addIssue(ownIssue(`saknar ${names}`, 'lacks', [names]));
  }),
  restrictions: z.array(restrictionSchema),
  template: templateSchema,
  phrases: phrasesSchema,
  timers: timersSchema,
  retention: z.strictObject({
    /** Per-visit data is purged this long after the visit. */
    visitDataHours: positiveInt().max(72, { error: ownWords('får vara högst 72 timmar', 'max-hours', ['72']) }),
  }),
  /** How an id is pasted into Cosmic Sök patient (R-ID-1). */
  cosmicIdFormat: z.enum(['YYYYMMDD-NNNN', 'YYYYMMDDNNNN']),
  protectedIdentity: z.strictObject({
    /** Visible texts in Clinic that mean protected identity (R-PI-1, R-PI-2). */
    markers: uniqueTexts().min(1),
    routine: z.strictObject({
      title: text(),
      url: webUrl(),
      /** True while the URL is a placeholder the region has yet to set. */
      placeholder: z.boolean(),
    }),
  }),
  /** The region's reservnummer formats, regex sources compiled with flag `u`. */
  reservnummerPatterns: z.array(regexSource('u')),
  selectorOverrides: selectorOverridesSchema,
  /** Words the page adapter reads the console by, added to its defaults without a release. */
  adapterVocabulary: adapterVocabularySchema.optional(),
};

/** Cross-field checks: run even when other fields are broken, so every error is listed at once. */
function checkCrossReferences(value: unknown, ctx: z.RefinementCtx): void {
  const v = value as { units?: unknown; roles?: unknown; restrictions?: unknown };
  if (!Array.isArray(v.restrictions)) return;
  const units = Array.isArray(v.units) ? v.units : null;
  const roles = Array.isArray(v.roles) ? v.roles : null;
  const ids = new Set<unknown>();
  v.restrictions.forEach((r: unknown, i) => {
    if (typeof r !== 'object' || r === null) return;
    const { id, unit, role } = r as Record<string, unknown>;
    if (units && typeof unit === 'string' && !units.includes(unit))
      ctx.addIssue(
        ownIssue(`'${unit}' finns inte i units`, 'not-in-units', [unit], { path: ['restrictions', i, 'unit'] }),
      );
    if (roles && typeof role === 'string' && !roles.includes(role))
      ctx.addIssue(
        ownIssue(`'${role}' finns inte i roles`, 'not-in-roles', [role], { path: ['restrictions', i, 'role'] }),
      );
    if (typeof id === 'string' && ids.has(id))
      ctx.addIssue(
        ownIssue(`'${id}' förekommer mer än en gång`, 'duplicate', [`'${id}'`], { path: ['restrictions', i, 'id'] }),
      );
    ids.add(id);
  });
}

/** Every time and count in a phrase agrees with the timers (rules/phrases.ts), when both are readable. */
function checkPhrases(value: unknown, ctx: z.RefinementCtx): void {
  const v = value as { phrases?: unknown; timers?: unknown };
  const t = (typeof v.timers === 'object' && v.timers) || {};
  const timers = t as Record<string, unknown>;
  const keys = ['replyWindowMinutes', 'minAttempts', 'noticeAfterMinutes', 'acceptWithinMinutes'] as const;
  if (typeof v.phrases !== 'object' || v.phrases === null) return;
  if (!keys.every((k) => Number.isInteger(timers[k]) && (timers[k] as number) > 0)) return;
  const valid = timers as unknown as PhraseTimers;
  for (const [name, phrase] of Object.entries(v.phrases)) {
    if (typeof phrase !== 'string') continue;
    // The no-reply phrases speak of the reply window and the attempts; the others of other times.
    const speaksOfTimers = name === 'noReplyNotice' || name === 'noReplyNote';
    for (const problem of phraseProblems(phrase, valid, speaksOfTimers))
      ctx.addIssue(ownIssue(problem.sv, problem.id, problem.values, { path: ['phrases', name] }));
  }
}

export const ruleSetSchema = z
  .strictObject(ruleSetShape)
  .superRefine(checkCrossReferences, { when: () => true })
  .superRefine(checkPhrases, { when: () => true });

export type RuleSet = z.infer<typeof ruleSetSchema>;
export type ChannelRule = z.infer<typeof channelRuleSchema>;
export type Restriction = z.infer<typeof restrictionSchema>;
