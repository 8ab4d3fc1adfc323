/**
 * R-ID-2: the record of the patient last copied for Cosmic, as stored and as it travels: a keyed
 * hash rather than the number, plus what the chip shows (masked ID and initials). Its own file:
 * the message union and the storage items both need the shape, and neither may import the code
 * that sends it.
 */
export interface CosmicPatient {
  idHash: string;
  masked: string;
  initials: string;
  copiedAt: string;
}

/** The shape a content script may store (R-ID-2: hash, mask and initials only), checked by the background. */
export function isCosmicPatient(value: unknown): value is CosmicPatient {
  if (typeof value !== 'object' || value === null) return false;
  const v: Partial<Record<string, unknown>> = { ...value };
  return (
    Object.keys(v).length === 4 &&
    typeof v.idHash === 'string' &&
    /^[0-9a-f]{64}$/u.test(v.idHash) &&
    typeof v.masked === 'string' &&
    /^\d{8}-••\d{2}$/u.test(v.masked) &&
    typeof v.initials === 'string' &&
    v.initials.length <= 12 &&
    !/\d/u.test(v.initials) &&
    typeof v.copiedAt === 'string' &&
    v.copiedAt.length <= 30 &&
    !Number.isNaN(Date.parse(v.copiedAt))
  );
}
