/**
 * The simulator's skins (test/clinic-sim/README.md, "Skins"): the same state drawn in other
 * markup and wording, so the page adapter is tested on consoles it was not written against. Each
 * skin must show the same facts (in its own form) and its documented decoys; 'dl' must stay
 * byte-identical; 'foreign' must stay outside the default vocabulary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { morphChildren } from '../clinic-sim/app/morph';
import { allPaths } from '../clinic-sim/app/render';
import { SimClient } from '../clinic-sim/client';
import { ALL_SKINS, FOREIGN_SKIN, type SimState, SKINS, type SkinName } from '../clinic-sim/model';
import {
  renderPageHtml,
  renderSavedPages,
  SAVED_PAGES_SEED,
  scenarioState,
  skinScenarioState,
} from '../clinic-sim/pages';
import { type ClinicSim, startClinicSim } from '../clinic-sim/server';
import { SCENARIO_CLOCK } from '../fixtures/patients';

const window = new Window();
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
/** Text with runs of ASCII white space collapsed (a no-break space is kept: some skins write one). */
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();
/** Text plus the values of form fields (a read-only input shows its value). */
const shown = (el: Element | null | undefined) =>
  [text(el), ...[...(el?.querySelectorAll('input') ?? [])].map((i) => i.getAttribute('value') ?? '')].join(' ');

/** The accessible name from aria-labelledby, aria-label, a caption or a legend. */
function accName(el: Element): string {
  const doc = el.ownerDocument;
  const ids = el.getAttribute('aria-labelledby');
  if (ids)
    return ids
      .split(/\s+/)
      .map((id) => text(doc.getElementById(id)))
      .join(' ');
  if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label')!;
  const own = el.querySelector(':scope > caption, :scope > legend');
  if (own) return text(own);
  const label = el.id ? doc.querySelector(`label[for="${el.id}"]`) : null;
  return label ? text(label) : '';
}
function named(doc: Document, name: string): Element[] {
  return [...doc.querySelectorAll('[aria-label], [aria-labelledby], table, fieldset')].filter(
    (e) => accName(e) === name,
  );
}
function one(doc: Document, name: string): Element {
  const found = named(doc, name);
  expect(
    found.map((e) => e.tagName),
    `one element named "${name}"`,
  ).toHaveLength(1);
  return found[0]!;
}

/** What each skin shows, in its own words and forms (README, "Skins"). */
interface SkinFacts {
  header: string;
  id(pnr: string): string;
  queue: string;
  rows(queue: Element): Element[];
  longWait: string;
  menu: string;
  shift: [string, string];
  log: string;
  messages(log: Element): Element[];
  authors: [string, string, string];
  videoEnded: string;
  phoneEnded: string;
  filter: [string, string];
}
const children = (el: Element) => [...el.children];
const tbodyRows = (el: Element) => [...el.querySelectorAll('tbody > tr')];
const FACTS: Record<SkinName, SkinFacts> = {
  dl: {
    header: 'Patient',
    id: (p) => p,
    queue: 'Väntar i kö',
    rows: tbodyRows,
    longWait: '1 tim 5 min',
    menu: 'Huvudmeny',
    shift: ['Skift pågår', 'Inget skift'],
    log: 'Meddelanden',
    messages: children,
    authors: ['Patient', 'Vårdpersonal', 'System'],
    videoEnded: 'Videosamtal avslutat (12 min)',
    phoneEnded: 'Ljudsamtal avslutat (3 min)',
    filter: ['Vårdenhet', 'Vårdroll'],
  },
  regions: {
    header: 'Patientinformation',
    id: (p) => p.replace('-', '\u00a0'),
    queue: 'Väntar i kö',
    rows: (q) => [...q.querySelectorAll('li')],
    longWait: '1 tim 5 min',
    menu: 'Meny',
    shift: ['Skift pågår', 'Inget skift'],
    log: 'Chatt',
    messages: children,
    authors: ['Patienten', 'Sjuksköterska', 'Systemmeddelande'],
    videoEnded: 'Videomöte avslutades (12 min)',
    phoneEnded: 'Telefonsamtal avslutades (3 min)',
    filter: ['Vårdenhet', 'Vårdroll'],
  },
  tables: {
    header: 'Patientuppgifter',
    id: (p) => `${p.slice(2, 8)}${p.startsWith('1920') ? '+' : '-'}${p.slice(9)}`,
    queue: 'Väntar i kö',
    rows: tbodyRows,
    longWait: '65 min',
    menu: 'Huvudmeny',
    shift: ['Skift pågår', 'Inget skift'],
    log: 'Meddelanden',
    messages: children,
    authors: ['Patient', 'Vårdgivare', 'System'],
    videoEnded: 'Videosamtal avslutades (12 min)',
    phoneEnded: 'Ljudsamtal avslutades (3 min)',
    filter: ['Vårdenhet', 'Vårdroll'],
  },
  grid: {
    header: 'Om patienten',
    id: (p) => p,
    queue: 'Väntande',
    rows: (q) => [...q.querySelectorAll('[role="rowgroup"]:nth-child(2) > [role="row"]')],
    longWait: '1 h 5 min',
    menu: 'Meny',
    shift: ['Skift pågår', 'Inget skift'],
    log: 'Meddelanden',
    messages: children,
    authors: ['Patient', 'Vårdpersonal', 'System'],
    videoEnded: 'Videomöte avslutat (12 min)',
    phoneEnded: 'Telefonsamtal avslutat (3 min)',
    filter: ['Vårdenhet', 'Vårdroll'],
  },
  foreign: {
    header: 'Vårdtagare',
    id: (p) => p,
    queue: 'Inkommande',
    rows: tbodyRows,
    longWait: '1 tim 5 min',
    menu: 'Navigering',
    shift: ['Tjänstgöring pågår', 'Ingen tjänstgöring'],
    log: 'Konversation',
    messages: children,
    authors: ['Invånare', 'Behandlare', 'Händelse'],
    videoEnded: 'Bildsamtal avslutat (12 min)',
    phoneEnded: 'Röstsamtal avslutat (3 min)',
    filter: ['Enhet', 'Yrkesroll'],
  },
};

const { store, cases } = skinScenarioState('skins');
const state = store.getState();
const page = (skin: SkinName, route: string, st: SimState = state) =>
  parse(renderPageHtml(st, route, 'skins', { skin }));
const visit = (skin: SkinName, key: keyof typeof cases, st: SimState = state) => page(skin, `/besok/${cases[key]}`, st);

function luhnValid(ten: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const v = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
  }
  return (10 - (sum % 10)) % 10 === Number(ten[9]);
}
const testNumbers = new Set<string>(
  JSON.parse(
    readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/testpersonnummer/allPins.json'),
      'utf8',
    ),
  ),
);

describe.each(ALL_SKINS)('skin %s', (skin) => {
  const f = FACTS[skin];

  it('names the patient in the header, with the number in the skin’s form and the age', () => {
    const expectations: Array<[keyof typeof cases, string, string, string]> = [
      ['adult', 'Anna Testsson', '19900101-2385', '34 år'],
      ['infant', 'Ella Testsson', '20231231-2388', '5 mån'],
      ['centenarian', 'Märta Hundraårsdotter', '19200101-1564', '104 år'],
      ['coordination', 'Cosmin Exempelescu', '19900179-2382', '34 år'],
    ];
    for (const [key, name, pnr, age] of expectations) {
      const header = one(visit(skin, key), f.header);
      expect(shown(header), key).toContain(name);
      expect(shown(header), key).toContain(f.id(pnr));
      expect(shown(header), key).toContain(age);
    }
  });

  it('shows the visit facts, triage, anamnesis, uploads and guardians', () => {
    const doc = visit(skin, 'adult');
    const body = text(doc.querySelector('main'));
    for (const fact of ['Pågående', '08:20', '08:30', 'Urinvägsbesvär', 'Inom ett dygn', 'Sveda när jag kissar'])
      expect(body).toContain(fact);
    expect(doc.querySelector('main img[alt="Foto av urinsticka"]')).not.toBeNull();
    const teen = text(visit(skin, 'teen').querySelector('main'));
    expect(teen).toContain('Bengt Provander');
    expect(teen).toContain('Greta Provander');
  });

  it('draws the chat with authors, times and call events in the skin’s words', () => {
    const doc = visit(skin, 'adult');
    const log = one(doc, f.log);
    const items = f.messages(log);
    expect(items).toHaveLength(8);
    const [patient, clinician, system] = f.authors;
    expect(text(items[5])).toContain(patient);
    expect(text(items[5])).toContain('Anna Testsson');
    expect(text(items[5])).toContain('08:40');
    expect(items[5]!.querySelector('img')?.getAttribute('alt')).toBe('Urinsticka med positivt utslag för leukocyter');
    expect(text(items[2])).toContain(clinician);
    expect(text(items[0])).toContain(system);
    expect(text(items[6])).toContain(f.videoEnded);
    expect(text(items[7])).toContain(f.phoneEnded);
  });

  it('lists the waiting queue in arrival order, a wait past an hour in the skin’s words', () => {
    const doc = page(skin, '/drop-in');
    const rows = f.rows(one(doc, f.queue));
    expect(rows).toHaveLength(6);
    expect(text(rows[0])).toContain('Hugo Exempelsson');
    expect(text(rows[0])).toContain(f.longWait);
    expect(rows[0]!.querySelector('a')?.getAttribute('href')).toBe(`/besok/${cases.child}`);
    expect(text(rows[5])).toContain('Lars Åldersson');
    const accepted = page(skin, '/drop-in/mottagna');
    expect(text(accepted.querySelector('main'))).toContain('Ella Testsson');
  });

  it('shows the clinician’s name block, the shift state and the global filter', () => {
    const doc = page(skin, '/drop-in');
    const menu = one(doc, f.menu);
    for (const fact of ['Sara Sjuksköterska', 'Sjuksköterska', '1177 direkt Uppsala län'])
      expect(text(menu)).toContain(fact);
    expect(text(doc.body)).toContain(f.shift[0]);
    const local = skinScenarioState('no-shift');
    local.store.setSession({ shift: 'none' });
    expect(text(page(skin, '/drop-in', local.store.getState()).body)).toContain(f.shift[1]);
    // Named by aria-label, aria-labelledby, <label for>, or the text of a <label> that wraps it.
    const selectName = (s: Element) => accName(s) || (s.closest('label')?.firstChild?.textContent ?? '').trim();
    const selects = [...doc.querySelectorAll('header select')].map((s) => [
      selectName(s),
      (s as HTMLSelectElement).value,
    ]);
    expect(selects).toEqual([
      [f.filter[0], '1177 direkt Uppsala län'],
      [f.filter[1], 'Sjuksköterska'],
    ]);
  });

  it('appends one node to the live chat for a new message (the morphing renderer)', () => {
    const local = skinScenarioState('morph');
    const route = `/besok/${local.cases.adult}`;
    const live = new Window();
    const doc = live.document;
    const root = doc.createElement('div');
    doc.body.append(root as never);
    const inner = (st: SimState) =>
      parse(renderPageHtml(st, route, 'morph', { skin })).body.firstElementChild!.innerHTML;
    morphChildren(root as unknown as Element, inner(local.store.getState()));
    const log = named(doc as unknown as Document, f.log)[0]!;
    const before = log.children.length;
    const observer = new live.MutationObserver(() => {});
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    local.store.addMessage(local.cases.adult, { author: 'patient', text: 'Det svider fortfarande.' });
    morphChildren(root as unknown as Element, inner(local.store.getState()));
    // Taken before disconnect(), which would drop the queued records.
    const records = observer.takeRecords();
    observer.disconnect();
    expect(log.children.length).toBe(before + 1);
    expect(records.map((r) => [r.type, r.addedNodes.length, r.removedNodes.length])).toEqual([['childList', 1, 0]]);
    expect(records[0]!.addedNodes[0]).toBe(log.lastElementChild);
  });

  it('has hashed names only, no data-* attributes, every id referenced, patient text escaped', () => {
    const local = scenarioState('hygiene');
    const evil = '<img src=x onerror=alert(1)>';
    const { id } = local.store.createCase({
      patient: { name: evil, personnummer: '19900101-2385' },
      reason: '"><b>fet</b>',
      anamnesis: [{ question: 'Fråga<i>', answer: evil }],
      state: 'ongoing',
    });
    local.store.addMessage(id, { author: 'patient', text: evil });
    const st = local.store.getState();
    for (const p of allPaths(st)) {
      const html = renderPageHtml(st, p, 'hygiene', { skin, noRedirect: true });
      expect(html).not.toContain(evil);
      const doc = parse(html);
      expect(doc.querySelectorAll('img[src="x"], script, b, i'), p).toHaveLength(0);
      for (const el of doc.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) expect(attr.startsWith('data-'), `${p}: ${attr}`).toBe(false);
        for (const c of el.classList) expect(c, p).toMatch(/^c_[0-9a-z]{7}$/);
      }
      for (const el of doc.querySelectorAll('[id]')) {
        expect(el.id).toMatch(/^c_[0-9a-z]{7}$/);
        const ref = doc.querySelector(
          `[aria-labelledby~="${el.id}"], [aria-controls="${el.id}"], label[for="${el.id}"]`,
        );
        expect(ref, `${p}: ${el.outerHTML.slice(0, 80)}`).not.toBeNull();
      }
    }
  });
});

describe('skin decoys (README, "Skins")', () => {
  const region = (doc: Document, name: string) => one(doc, name);

  it("regions: the booking guardian's number and the patient's mobile in the header, labelled", () => {
    const header = region(visit('regions', 'child'), 'Patientinformation');
    expect(text(header)).toContain('Bokad av Ida Exempelsson (ansvarig vårdnadshavare), 19960101 2397');
    expect(shown(header)).toContain('20170101\u00a02393');
    const adult = region(visit('regions', 'adult'), 'Patientinformation');
    expect(text(adult)).toContain('Mobil 070-123 45 67');
    const aside = one(visit('regions', 'adult'), 'Senaste besök');
    expect(text(aside)).toContain('Märta Hundraårsdotter, 19200101 1564');
  });

  it("tables: guardians and an old number as rows of the patient's table, 10-digit forms", () => {
    const row = (doc: Document, label: string) =>
      [...region(doc, 'Patientuppgifter').querySelectorAll('tr')]
        .filter((tr) => text(tr.querySelector('th')) === label)
        .map((tr) => text(tr.querySelector('td')));
    const child = visit('tables', 'child');
    expect(row(child, 'Personnummer')).toEqual(['170101-2393']);
    expect(row(child, 'Ansvarig vårdnadshavare')).toEqual(['Ida Exempelsson, 960101-2397']);
    expect(row(child, 'Vårdnadshavare')).toEqual(['Johan Exempelsson, 960101-2389']);
    const adult = visit('tables', 'adult');
    expect(row(adult, 'Tidigare personnummer')).toEqual(['900102-2384']);
    expect(row(adult, 'Telefon')).toEqual(['070-123 45 67']);
    expect(row(visit('tables', 'centenarian'), 'Personnummer')).toEqual(['200101+1564']);
    const facts = [...region(adult, 'Besöksuppgifter').querySelectorAll('tr')].map((tr) =>
      text(tr.querySelector('td')),
    );
    expect(facts).toContain('2024-06-03 08:20');
    const queue = one(page('tables', '/drop-in'), 'Väntar i kö');
    expect([...queue.querySelectorAll('thead th')].map((th) => text(th)).slice(0, 6)).toEqual([
      'Patient',
      'Personnummer',
      'Väntetid',
      'Ankomsttid',
      'Prio',
      'Sökorsak',
    ]);
    expect(text(queue.querySelector('tbody tr'))).toContain('Prio 3');
  });

  it('grid: a masked number beside a mobile whose digits form a valid personnummer; no <time> anywhere', () => {
    const header = region(visit('grid', 'protected'), 'Om patienten');
    expect(text(header)).toContain('Pnr (dolt) 19850101-XXXX');
    expect(shown(header)).not.toContain('2382');
    expect(text(header)).toContain('Mobilnummer 070-101 23 95');
    expect(text(header)).toContain('Född 1985-01-01');
    const input = region(visit('grid', 'adult'), 'Om patienten').querySelector('input[readonly]')!;
    expect(accName(input)).toBe('Patient-ID');
    expect(input.getAttribute('value')).toBe('19900101-2385');
    expect(text(one(page('grid', '/drop-in'), 'Väntande'))).toContain('20170101–2393');
    for (const doc of [page('grid', '/drop-in'), visit('grid', 'adult')])
      expect(doc.querySelectorAll('time')).toHaveLength(0);
  });

  it("the decoy mobile's ten digits are a test personnummer; no other mobile's are", () => {
    const mobiles = new Map<string, string>();
    for (const key of Object.keys(cases) as Array<keyof typeof cases>) {
      const match = /Mobil (0\d\d-\d{3} \d\d \d\d)/.exec(text(region(visit('regions', key), 'Patientinformation')));
      if (match) mobiles.set(key, match[1]!.replace(/\D/g, ''));
    }
    expect(mobiles.size).toBeGreaterThanOrEqual(6);
    for (const [key, digits] of mobiles) {
      const valid = luhnValid(digits) && testNumbers.has(`20${digits}`);
      expect(valid, key).toBe(key === 'protected');
    }
  });

  it('protection markers: visible text, an icon named by aria-label or title, an uppercase cell', () => {
    const marker: Record<SkinName, (header: Element) => boolean> = {
      dl: (h) => text(h).includes('Skyddade personuppgifter'),
      regions: (h) =>
        h.querySelector('[role="img"][aria-label="Skyddad identitet"]') !== null && !text(h).includes('Skyddad'),
      tables: (h) => text(h).includes('SEKRETESSMARKERING'),
      grid: (h) => h.querySelector('[title="Skyddad folkbokföring"]') !== null && !text(h).includes('Skyddad'),
      foreign: (h) => text(h).includes('Spärrmarkering'),
    };
    for (const skin of ALL_SKINS) {
      expect(marker[skin](one(visit(skin, 'protected'), FACTS[skin].header)), skin).toBe(true);
      const adult = one(visit(skin, 'adult'), FACTS[skin].header);
      expect(adult.querySelector('[title], [role="img"]'), skin).toBeNull();
      expect(text(adult), skin).not.toMatch(/skydd|sekretess|spärr/i);
    }
  });
});

describe("skin 'foreign' stays outside the default vocabulary", () => {
  // The default vocabulary of the issue (the adapter's own list may grow; these must never match).
  const whole = (words: string[]) => new RegExp(`(?<![\\p{L}])(${words.join('|')})(?![\\p{L}])`, 'iu');
  const headerNames = whole(['Patient', 'Patientuppgifter', 'Patientinformation', 'Om patienten']);
  const idLabels = whole([
    'Personnummer',
    'Personnr',
    'Pnr',
    'Person-nr',
    'Samordningsnummer',
    'Reservnummer',
    'Patient-ID',
  ]);
  const others = whole([
    'Vårdnadshavare',
    'Ansvarig vårdnadshavare',
    'Bokad av',
    'Bokat av',
    'Anhörig',
    'Närstående',
    'Ombud',
    'Kontaktperson',
    'Tidigare',
  ]);
  const phones = whole(['Mobil', 'Mobilnummer', 'Telefon', 'Telefonnummer', 'Tfn', 'Tel']);
  const markers =
    /skyddade personuppgifter|skyddad identitet|sekretessmarkering|skyddad folkbokföring|fingerade personuppgifter|kvarskrivning/i;
  const authors = whole([
    'Patient',
    'Patienten',
    'Vårdpersonal',
    'Sjuksköterska',
    'Läkare',
    'Vårdgivare',
    'System',
    'Systemmeddelande',
  ]);
  const calls = whole(['Videosamtal', 'Videomöte', 'Ljudsamtal', 'Telefonsamtal']);
  const facts = whole(['Besöksstatus', 'Status', 'Besöket startade', 'Startad', 'Ankomst', 'Ankom']);
  const sections = whole([
    'Triage resultat och prioritet',
    'Triage',
    'Brådskegrad',
    'Anamnes',
    'Originalsvar',
    'Uppladdningar',
    'Bilder',
    'Vårdnadshavare',
    'Meddelanden',
    'Chatt',
  ]);
  const queueWords = whole([
    'Väntar i kö',
    'Väntande',
    'Prioritet',
    'Prio',
    'Brådskegrad',
    'Patient',
    'Namn',
    'Ankomst',
    'Ankomsttid',
    'Väntat',
    'Väntetid',
  ]);
  const menus = whole(['Huvudmeny', 'Meny']);

  it('names, labels and words on the visit page', () => {
    for (const key of ['adult', 'child', 'protected'] as const) {
      const doc = visit(FOREIGN_SKIN, key);
      const main = doc.querySelector('main')!;
      const names = [...main.querySelectorAll('[aria-label], [aria-labelledby], section, [role="region"]')].map(
        accName,
      );
      for (const name of names) expect(name, key).not.toMatch(headerNames);
      const labels = [...main.querySelectorAll('dt, th, label, h2, h3')].map((e) => text(e));
      const header = one(doc, 'Vårdtagare');
      for (const label of [...header.querySelectorAll('dt')].map((e) => text(e))) {
        expect(label, key).not.toMatch(idLabels);
        expect(label, key).not.toMatch(others);
        expect(label, key).not.toMatch(phones);
      }
      expect(
        `${text(header)} ${[...header.querySelectorAll('[title], [aria-label]')].map(accName).join(' ')}`,
      ).not.toMatch(markers);
      for (const label of labels) {
        expect(label, key).not.toMatch(facts);
        expect(label, key).not.toMatch(sections);
      }
      const log = one(doc, 'Konversation');
      expect(log.getAttribute('role')).not.toBe('log');
      for (const meta of [...log.querySelectorAll(':scope > * > p:first-child')].map((e) =>
        text(e).replace(/^\S+ \S+ /, ''),
      ))
        expect(meta, key).not.toMatch(authors);
      expect(text(log)).not.toMatch(calls);
    }
  });

  it('names and columns of the queue and the shell', () => {
    const doc = page(FOREIGN_SKIN, '/drop-in');
    const main = doc.querySelector('main')!;
    for (const el of main.querySelectorAll('[aria-label], [aria-labelledby], table, h2'))
      expect(accName(el) || text(el)).not.toMatch(queueWords);
    for (const th of main.querySelectorAll('th')) expect(text(th)).not.toMatch(queueWords);
    expect(main.querySelector('[role="tabpanel"]')).toBeNull();
    for (const el of doc.querySelectorAll('nav, [role="navigation"]')) expect(accName(el)).not.toMatch(menus);
    expect(named(doc, 'Skift')).toHaveLength(0);
    expect(named(doc, 'Globalt filter')).toHaveLength(0);
  });
});

describe("skin 'dl' is the simulator as it was", () => {
  it('renders the saved pages byte for byte, whatever skin the state says, when asked for dl', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');
    const { store: s, cases: c } = scenarioState(SAVED_PAGES_SEED);
    s.setSkin('grid');
    const saved = readFileSync(path.join(dir, 'visit-adult.html'), 'utf8').replace(/^<!-- Saved[^\n]*\n/m, '');
    expect(renderPageHtml(s.getState(), `/besok/${c.adult}`, SAVED_PAGES_SEED, { skin: 'dl' })).toBe(saved);
    expect(renderPageHtml(s.getState(), `/besok/${c.adult}`, SAVED_PAGES_SEED)).not.toBe(saved);
  });

  it('saves pages per skin: the visits and the queue of every skin', () => {
    const files = renderSavedPages().map((p) => p.file);
    for (const skin of ALL_SKINS) {
      for (const name of ['adult', 'infant', 'child', 'teen', 'protected', 'centenarian'])
        expect(files).toContain(`${skin}/visit-${name}.html`);
      expect(files).toContain(`${skin}/dropin-queue.html`);
    }
    expect(SKINS).toEqual(['dl', 'regions', 'tables', 'grid']);
  });
});

describe('switching skins on the running simulator', () => {
  let sim: ClinicSim;
  let client: SimClient;
  beforeAll(async () => {
    sim = await startClinicSim({ port: 0, seed: 'skins-http', clock: SCENARIO_CLOCK, skin: 'tables' });
    client = new SimClient(sim.url);
  }, 60_000);
  afterAll(async () => {
    await sim?.close();
  });

  it('serves the start skin, switches on POST /__sim/skin, tells open pages over SSE, and reset returns', async () => {
    const { cases: ids } = await client.scenario();
    const served = async () => parse(await (await fetch(`${sim.url}/besok/${ids.adult}`)).text());
    expect(named(await served(), 'Patientuppgifter')).toHaveLength(1);
    await client.setSkin('grid');
    const grid = await served();
    expect(named(grid, 'Patientuppgifter')).toHaveLength(0);
    expect(one(grid, 'Om patienten').querySelector('input')?.getAttribute('value')).toBe('19900101-2385');
    expect((await client.state()).skin).toBe('grid');

    const controller = new AbortController();
    const res = await fetch(`${sim.url}/api/events`, { signal: controller.signal });
    const reader = res.body!.getReader();
    let buffer = '';
    const frame = async (want: SkinName) => {
      for (;;) {
        const match = [...buffer.matchAll(/event: state\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!) as SimState);
        if (match.some((s) => s.skin === want)) return;
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += new TextDecoder().decode(value);
      }
    };
    await frame('grid');
    buffer = '';
    await client.setSkin('foreign');
    await frame('foreign');
    controller.abort();

    await expect(client.setSkin('plain' as SkinName)).rejects.toThrow(/400|skin/);
    await client.reset();
    expect((await client.state()).skin).toBe('tables');
    await client.reset({ skin: 'regions' });
    expect((await client.state()).skin).toBe('regions');
  });
});
