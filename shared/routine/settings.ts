/**
 * R-S-1, pure: what is wrong in the console's first-login dialog or *Inställningar*, each with
 * why. A value the page did not show (undefined) is not judged; an unreadable one (null) is
 * said to be unknown, never taken as right or wrong.
 */
export type SettingsField =
  | 'shiftType'
  | 'loadBalancer'
  | 'firstName'
  | 'lastName'
  | 'title'
  | 'mobile'
  | 'camera'
  | 'sound';

export interface SettingsFacts {
  shiftType?: string | null;
  loadBalancer?: boolean | null;
  firstName?: string | null;
  lastName?: string | null;
  title?: string | null;
  mobile?: string | null;
  /** The camera / sound test was run and worked on this page. */
  cameraTested?: boolean | null;
  soundTested?: boolean | null;
}

export interface SettingsRemark {
  rule: 'R-S-1';
  field: SettingsField;
  /** The console's own label for the field. */
  label: string;
  /** 'wrong': must change; 'advice': depends on the clinician (SMS); 'unknown': could not be read. */
  kind: 'wrong' | 'advice' | 'unknown';
  text: string;
  /** The shift type shown ('' when none), for wording a wrong one in the browser's language. */
  current?: string;
}

export const REQUIRED_SHIFT_TYPE = 'Primärjour';

const LABELS: Record<SettingsField, string> = {
  shiftType: 'Skifttyp',
  loadBalancer: 'Lastbalanserare',
  firstName: 'Förnamn',
  lastName: 'Efternamn',
  title: 'Titel',
  mobile: 'Mobilnummer',
  camera: 'Kamera',
  sound: 'Ljud',
};

export function settingsRemarks(f: SettingsFacts): SettingsRemark[] {
  const out: SettingsRemark[] = [];
  const say = (field: SettingsField, kind: SettingsRemark['kind'], text: string, current?: string) =>
    out.push({ rule: 'R-S-1', field, label: LABELS[field], kind, text, ...(current === undefined ? {} : { current }) });
  const unknown = (field: SettingsField) => say(field, 'unknown', `${LABELS[field]}: okänt – kontrollera själv.`);

  if (f.shiftType === null) unknown('shiftType');
  else if (f.shiftType !== undefined && f.shiftType.trim() !== REQUIRED_SHIFT_TYPE)
    say(
      'shiftType',
      'wrong',
      `Skifttyp ska vara ${REQUIRED_SHIFT_TYPE}${f.shiftType.trim() ? ` (nu: ${f.shiftType.trim()})` : ' (ingen vald)'}: det är den skifttyp 1177 direkt arbetar i.`,
      f.shiftType.trim(),
    );
  if (f.loadBalancer === null) unknown('loadBalancer');
  else if (f.loadBalancer === true)
    say(
      'loadBalancer',
      'wrong',
      'Lastbalanseraren ska vara avstängd (reglaget till vänster, grått): den ska inte användas i 1177 direkt.',
    );
  for (const field of ['firstName', 'lastName', 'title'] as const) {
    const value = f[field];
    if (value === null) unknown(field);
    else if (value !== undefined && value.trim() === '')
      say(field, 'wrong', `${LABELS[field]} saknas: förnamn, efternamn och titel visas för patienten.`);
  }
  if (f.mobile === null) unknown('mobile');
  else if (f.mobile !== undefined && f.mobile.trim() === '')
    say(
      'mobile',
      'advice',
      'Mobilnummer saknas: utan det får du inga SMS-notifieringar. Fyll i det om du vill ha SMS.',
    );
  if (f.cameraTested === null) unknown('camera');
  else if (f.cameraTested === false) say('camera', 'wrong', 'Testa kameran innan du tar emot patienter (videosamtal).');
  if (f.soundTested === null) unknown('sound');
  else if (f.soundTested === false)
    say('sound', 'wrong', 'Testa ljudet innan du tar emot patienter (ljud- och videosamtal).');
  return out;
}
