// The contact channels of a note (R-J-6 Kontaktsätt), apart from the schema so that pure code
// (shared/journal.ts) can use them without pulling zod into an extension page's bundle.
export const KONTAKTSATT = ['chatt', 'telefon', 'video'] as const;
export type Kontaktsatt = (typeof KONTAKTSATT)[number];
