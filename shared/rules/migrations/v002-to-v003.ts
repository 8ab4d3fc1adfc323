// Schema version 2 → 3. Version 2 had two numbers for one rule: `acceptWithinMinutes` (R-Q-1:
// every case accepted within 15 minutes) and `queueRedAfterMinutes`, the queue's red mark.
// Version 3 keeps one: the red mark IS the acceptance deadline. Where a version-2 file gave them
// different values, the stricter (smaller) becomes the deadline — a case is never flagged later
// than the file asked. Version 3 also adds `adapterVocabulary` (optional, nothing to migrate).
import { z } from 'zod';
import { positiveInt } from '../primitives';
import { defineMigration } from './migration';

/** Frozen: the part of version 2 this step reads; the rest passes through to version 3's checks. */
const v2Schema = z.looseObject({
  schemaVersion: z.literal(2),
  timers: z.looseObject({
    acceptWithinMinutes: positiveInt(),
    queueRedAfterMinutes: positiveInt().optional(),
  }),
});

export const v002ToV003 = defineMigration({
  from: 2,
  to: 3,
  schema: v2Schema,
  migrate(v2) {
    const { queueRedAfterMinutes: red, ...timers } = v2.timers;
    return {
      ...v2,
      schemaVersion: 3,
      timers: { ...timers, acceptWithinMinutes: Math.min(timers.acceptWithinMinutes, red ?? Number.POSITIVE_INFINITY) },
    };
  },
});
