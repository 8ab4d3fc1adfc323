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

/**
 * R-A-1 in Asynkrona: the patient answered a closed case in its asynchronous phase → answer, then
 * *Markera som klar* (it moves to *Kräver ingen åtgärd*); done → where it is now. null: unreadable.
 */
export function asyncFollowUpText(state: 'answered' | 'done' | null): { text: string; done: boolean } {
  if (state === 'answered')
    return {
      text: 'Patienten har svarat i den asynkrona fasen. Läs och svara, och välj Markera som klar när inget mer behövs – då flyttas ärendet till Kräver ingen åtgärd (R-A-1).',
      done: false,
    };
  if (state === 'done')
    return {
      text: 'Markerad som klar: ärendet ligger under Kräver ingen åtgärd tills den asynkrona fasen är slut. Skriver patienten igen hamnar det i Inkorg (R-A-1).',
      done: true,
    };
  return {
    text: 'Om ärendet är markerat som klart kunde inte läsas: kontrollera i Asynkrona att det inte ligger kvar i Inkorg (R-A-1).',
    done: false,
  };
}
