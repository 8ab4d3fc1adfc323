/** R-Q-3 and R-A-1, pure: the reminders at accepting and at closing a visit. */

/** R-Q-3: a visit not yet accepted. null: nothing to say (accepted, or the state is unknown). */
export function acceptReminder(state: 'waiting' | 'accepted' | 'ongoing' | 'closed' | null): string | null {
  return state === 'waiting'
    ? 'Ärendet är inte mottaget: välj Ta emot innan du arbetar i det. Annars ser kollegorna ingen ansvarig och patienten får inget SMS (R-Q-3).'
    : null;
}

/**
 * R-A-1: the asynchronous period is chosen consciously, never left at the console's default.
 * `choice`: the option shown as chosen (null: unreadable); `touched`: the clinician changed it.
 */
export function asyncChoiceText(choice: string | null, touched: boolean): { text: string; done: boolean } {
  if (choice === null)
    return { text: 'Välj hur länge patienten kan återkomma asynkront – valet kunde inte läsas (R-A-1).', done: false };
  return touched
    ? { text: `Vald asynkron period: ${choice} (R-A-1).`, done: true }
    : {
        text: `Förvalt: ${choice}. Välj medvetet hur länge patienten kan återkomma asynkront innan du avslutar (R-A-1).`,
        done: false,
      };
}
