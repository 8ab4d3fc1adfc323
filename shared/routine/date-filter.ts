/**
 * R-D-1, pure: a view with a date filter does not refresh by itself, so say how old it is and
 * when it is worth refreshing. Nothing here refreshes anything.
 */
export const STALE_AFTER_MINUTES = 5;

export interface Freshness {
  minutes: number;
  text: string;
  stale: boolean;
}

/** How long ago the view was loaded ("uppdaterad för 3 min sedan"); a clock gone backwards reads 0. */
export function freshness(loadedAtMs: number, nowMs: number): Freshness {
  const minutes = Math.max(0, Math.floor((nowMs - loadedAtMs) / 60_000));
  const stale = minutes >= STALE_AFTER_MINUTES;
  return {
    minutes,
    stale,
    text: `Vyn har datumfilter och uppdateras inte av sig själv: uppdaterad för ${minutes} min sedan${stale ? ' – uppdatera den' : ''} (R-D-1).`,
  };
}
