import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allPaths, defaultUi, parseRoute, renderApp } from '../clinic-sim/app/render';
import { SimClient } from '../clinic-sim/client';
import type { SimState } from '../clinic-sim/model';
import { createClassNamer } from '../clinic-sim/names';
import { renderPageHtml, renderSavedPages, scenarioState } from '../clinic-sim/pages';
import { type ClinicSim, startClinicSim } from '../clinic-sim/server';
import { PATIENTS, SCENARIO_CLOCK } from '../fixtures/patients';

const window = new Window();
function parse(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function classTokens(doc: Document): Set<string> {
  const out = new Set<string>();
  for (const el of doc.querySelectorAll('[class]')) for (const c of el.classList) out.add(c);
  return out;
}

function pagesFor(state: SimState, seed: string): Array<{ path: string; doc: Document }> {
  return allPaths(state).map((p) => ({ path: p, doc: parse(renderPageHtml(state, p, seed, { noRedirect: true })) }));
}

async function readSse(url: string, until: (state: SimState) => boolean, timeoutMs = 5000): Promise<SimState> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (frame.includes('event: state') && data) {
          const state = JSON.parse(data) as SimState;
          if (until(state)) {
            controller.abort();
            return state;
          }
        }
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

describe('clinic simulator server', () => {
  let sim: ClinicSim;
  let client: SimClient;

  beforeAll(async () => {
    sim = await startClinicSim({ port: 0, seed: 'unit', clock: SCENARIO_CLOCK });
    client = new SimClient(sim.url);
  }, 60_000);
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(async () => {
    await client.reset({ seed: 'unit', clock: SCENARIO_CLOCK });
  });

  it('starts on a random port bound to 127.0.0.1 only', async () => {
    expect(sim.port).toBeGreaterThan(0);
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
    const refused = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: sim.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
    expect(await refused('127.0.0.1')).toBe(false);
    expect(await refused('::1')).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) expect(await refused(external.address)).toBe(true);
  });

  it('creates a case and adds messages through the control API, and serves the state', async () => {
    const { id } = await client.createCase({
      patientKey: 'adult',
      priority: 2,
      reason: 'Halsont',
      anamnesis: [{ question: 'Har du feber?', answer: 'Ja, 38,5' }],
      state: 'ongoing',
    });
    await client.addMessage(id, { author: 'patient', text: 'Hej, jag har ont i halsen.' });
    await client.addMessage(id, {
      author: 'clinician',
      text: 'Hur länge har du haft ont?',
      images: [{ name: 'hals.jpg', alt: 'Foto av svalget' }],
    });
    const res = await fetch(`${sim.url}/api/state`);
    expect(res.headers.get('content-type')).toContain('application/json');
    const state = (await res.json()) as SimState;
    const c = state.cases.find((x) => x.id === id)!;
    expect(c.patient.personnummer).toBe(PATIENTS.adult.personnummer);
    expect(c.messages.map((m) => [m.author, m.authorName, m.text])).toEqual([
      ['patient', 'Anna Testsson', 'Hej, jag har ont i halsen.'],
      ['clinician', 'Sara Sjuksköterska', 'Hur länge har du haft ont?'],
    ]);
    expect(state.now).toBe(new Date(SCENARIO_CLOCK).toISOString());
    expect(await client.state()).toMatchObject({ version: state.version, seed: 'unit' });
  });

  it('rejects bad control input with 400 and unknown cases with 404', async () => {
    await expect(client.createCase({ patientKey: 'nobody' })).rejects.toMatchObject({ status: 400 });
    await expect(client.createCase({ patientKey: 'adult', priority: 7 as 1 })).rejects.toMatchObject({ status: 400 });
    await expect(client.addMessage('missing', { author: 'patient', text: 'x' })).rejects.toMatchObject({ status: 404 });
  });

  it('loads the default scenario: logged in, one case per scenario patient, priorities 1–5', async () => {
    const { cases } = await client.scenario('default');
    expect(Object.keys(cases).sort()).toEqual(Object.keys(PATIENTS).sort());
    const state = await client.state();
    expect(state.session).toMatchObject({
      stage: 'in',
      unit: '1177 direkt Uppsala län',
      role: 'Sjuksköterska',
      shift: 'ongoing',
    });
    expect(`${state.profile.firstName} ${state.profile.lastName}`).toBe('Sara Sjuksköterska');
    expect(new Set(state.cases.map((c) => c.priority))).toEqual(new Set([1, 2, 3, 4, 5]));
    const states = state.cases.map((c) => c.state);
    expect(states.filter((s) => s === 'closed')).toHaveLength(1);
    expect(states.filter((s) => s === 'accepted' || s === 'ongoing').length).toBeGreaterThanOrEqual(2);
    expect(states).toContain('waiting');
  });

  it('pushes a change over Server-Sent Events', async () => {
    const { id } = await client.createCase({ patientKey: 'adult2', state: 'ongoing' });
    const pushed = readSse(`${sim.url}/api/events`, (s) =>
      s.cases.some((c) => c.id === id && c.messages.some((m) => m.text === 'Pushad')),
    );
    await new Promise((r) => setTimeout(r, 50));
    await client.addMessage(id, { author: 'patient', text: 'Pushad' });
    const state = await pushed;
    expect(state.cases.find((c) => c.id === id)!.messages.at(-1)!.text).toBe('Pushad');
  });

  it('serves the SPA for every non-API path, rendered for the current state', async () => {
    const { cases } = await client.scenario('default');
    const res = await fetch(`${sim.url}/besok/${cases.infant}`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const doc = parse(await res.text());
    expect(text(doc.querySelector('section[aria-label="Patient"] h1'))).toBe('Ella Testsson');
    expect(doc.querySelector('script[type="module"]')?.getAttribute('src')).toBeTruthy();
    const script = await fetch(`${sim.url}${doc.querySelector('script')!.getAttribute('src')}`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(1000);
    const other = parse(await (await fetch(`${sim.url}/nagon/annan/sida`)).text());
    expect(text(other.querySelector('h1'))).toBe('Sidan hittades inte');
    expect((await fetch(`${sim.url}/api/nope`, { method: 'POST' })).status).toBe(404);
  });

  it('drives a visit through the page API: accept, start, chat, call, close', async () => {
    const { cases } = await client.scenario('default');
    const id = cases.adult2;
    const post = async (p: string, body: unknown = {}) => {
      const res = await fetch(`${sim.url}/api/cases/${id}/${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as { state?: SimState; error?: string } };
    };
    expect((await post('start')).status).toBe(409);
    expect((await post('accept')).status).toBe(200);
    expect((await post('start')).status).toBe(200);
    const sent = await post('messages', { text: 'Hej Bengt!' });
    const c = sent.json.state!.cases.find((x) => x.id === id)!;
    expect(c.state).toBe('ongoing');
    expect(c.messages.at(-1)).toMatchObject({ author: 'clinician', text: 'Hej Bengt!' });
    expect((await post('call', { kind: 'video' })).status).toBe(200);
    await client.advanceClock(12);
    await post('call/end');
    await client.addCall(id, 'audio', 4);
    const closed = await post('close', { asyncDays: '7' });
    const after = closed.json.state!.cases.find((x) => x.id === id)!;
    expect(after.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining(['Videosamtal avslutat (12 min)', 'Ljudsamtal avslutat (4 min)']),
    );
    expect(after.state).toBe('closed');
    expect(Date.parse(after.asyncUntil!) - Date.parse(after.closedAt!)).toBe(7 * 24 * 3600_000);
  });

  it('R-C-1: Bjud in kollega on the page; an invited guest cannot close', async () => {
    const { cases } = await client.scenario('default');
    const post = async (id: string, p: string, body: unknown = {}) => {
      const res = await fetch(`${sim.url}/api/cases/${id}/${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as { state?: SimState; error?: string } };
    };
    expect((await post(cases.adult2, 'invite', { colleague: 'Lars Läkarsson' })).status).toBe(409); // waiting
    const invited = await post(cases.adult, 'invite', { colleague: 'Lars Läkarsson' });
    expect(invited.status).toBe(200);
    const c = invited.json.state!.cases.find((x) => x.id === cases.adult)!;
    expect(c.invited).toEqual(['Lars Läkarsson']);
    expect(c.messages.at(-1)?.text).toBe('Lars Läkarsson har bjudits in till besöket.');
    expect((await post(cases.adult, 'invite', { colleague: 'Lars Läkarsson' })).status).toBe(409);
    expect((await post(cases.adult, 'invite', { colleague: 'Okänd Person' })).status).toBe(400);
    const guest = await client.createCase({
      patientKey: 'teen',
      state: 'ongoing',
      assignedTo: 'Lars Läkarsson',
      invited: ['Sara Sjuksköterska'],
    });
    const refused = await post(guest.id, 'close', { asyncDays: '3' });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toContain('inbjuden kollega kan inte avsluta');
  });

  it('logs in with unit and role, asks for the shift type the first time, and logs out with or without ending the shift', async () => {
    const post = (p: string, body: unknown = {}) =>
      fetch(`${sim.url}/api/${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const loginPage = parse(await (await fetch(`${sim.url}/besok/x`)).text());
    expect([...loginPage.querySelectorAll('button')].map((b) => text(b))).toContain('Logga in med SITHS-kort');
    await post('login');
    await post('unit', { unitRole: 'Testviken hälsocentral, Sjuksköterska' });
    let state = await client.state();
    expect(state.session.stage).toBe('choose-shift-type');
    const dialog = parse(renderPageHtml(state, '/', 'unit')).querySelector('[role="dialog"]')!;
    expect(dialog.querySelector('[role="switch"]')?.getAttribute('aria-checked')).toBe('false');
    await post('shift-type', { shiftType: 'Primärjour', loadBalancer: 'false' });
    state = await client.state();
    expect(state.session).toMatchObject({ stage: 'in', shift: 'ongoing', unit: 'Testviken hälsocentral' });
    expect(state.filter).toEqual({ unit: 'Testviken hälsocentral', role: 'Sjuksköterska' });
    await post('logout', { endShift: 'false' });
    expect((await client.state()).session).toMatchObject({ stage: 'logged-out', shift: 'ongoing' });
    await post('login');
    await post('unit', { unitRole: 'Testviken hälsocentral, Sjuksköterska' });
    expect((await client.state()).session.stage).toBe('in');
    await post('logout', { endShift: 'true' });
    expect((await client.state()).session).toMatchObject({ stage: 'logged-out', shift: 'none' });
  });

  it('changing vårdenhet at login ends the running shift and starts a new one (the manual)', async () => {
    const post = (p: string, body: unknown = {}) =>
      fetch(`${sim.url}/api/${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await client.scenario('default');
    const before = (await client.state()).session.shiftStartedAt;
    await post('logout', { endShift: 'false' });
    await client.advanceClock(5);
    await post('login');
    await post('unit', { unitRole: '1177 direkt Uppsala län, Sjuksköterska' });
    expect((await client.state()).session.shiftStartedAt).toBe(before);
    await post('logout', { endShift: 'false' });
    await post('login');
    await post('unit', { unitRole: 'Testviken hälsocentral, Sjuksköterska' });
    const after = (await client.state()).session;
    expect(after).toMatchObject({ stage: 'in', shift: 'ongoing', unit: 'Testviken hälsocentral' });
    expect(after.shiftStartedAt).not.toBe(before);
  });

  it('handed-over cases, ticket visits and vidimeringsposter through the control API; Vidimera on the page', async () => {
    await client.scenario('default');
    const { id } = await client.createCase({
      patientKey: 'teen',
      state: 'ongoing',
      assignedTo: 'Lars Läkarsson',
      handover: { toRole: 'Sjuksköterska' },
      ticket: { fromUnit: '1177 direkt Uppsala län', notes: [{ answers: [{ question: 'Feber?', answer: 'Nej' }] }] },
    });
    const post = await client.createVidimering({ patientKey: 'elderly' });
    const state = await client.state();
    expect(state.cases.find((c) => c.id === id)).toMatchObject({
      handover: { toRole: 'Sjuksköterska' },
      ticket: { fromUnit: '1177 direkt Uppsala län', notes: [{ title: 'Posttriage' }] },
    });
    expect(state.vidimeringar).toMatchObject([{ id: post.id, vidimeradAt: null, unit: '1177 direkt Uppsala län' }]);
    const mine = parse(await (await fetch(`${sim.url}/startsida/mina-aktuella`)).text());
    expect(text(mine.querySelector('table[aria-label="Mina aktuella"]')!)).toContain('Synk Överlämning');
    const done = await fetch(`${sim.url}/api/vidimering/${post.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(done.status).toBe(200);
    expect((await client.state()).vidimeringar[0]!.vidimeradBy).toBe('Sara Sjuksköterska');
  });

  it('adds 2,000 chat messages in one bulk call', async () => {
    await client.session({ loggedIn: true });
    const { id } = await client.createCase({ patientKey: 'adult', state: 'ongoing' });
    const started = performance.now();
    await client.addBulkMessages(id, 2000);
    expect(performance.now() - started).toBeLessThan(2000);
    const state = await client.state();
    const c = state.cases.find((x) => x.id === id)!;
    expect(c.messages).toHaveLength(2000);
    expect(new Set(c.messages.slice(0, 2).map((m) => m.author))).toEqual(new Set(['patient', 'clinician']));
    const doc = parse(renderPageHtml(state, `/besok/${id}`, 'unit'));
    expect(doc.querySelectorAll('[role="log"] > li')).toHaveLength(2000);
  });

  it('moves the clock', async () => {
    const { id } = await client.createCase({ patientKey: 'teen', arrivedAt: SCENARIO_CLOCK });
    await client.session({ loggedIn: true });
    expect((await client.advanceClock(12)).now).toBe(new Date(Date.parse(SCENARIO_CLOCK) + 12 * 60_000).toISOString());
    const doc = parse(renderPageHtml(await client.state(), '/drop-in', 'unit'));
    const row = [...doc.querySelectorAll('tbody tr')].find((r) => r.textContent?.includes('Filip Provander'))!;
    expect(text(row)).toContain('12 min');
    expect(row.querySelector('time')?.getAttribute('datetime')).toBe(new Date(SCENARIO_CLOCK).toISOString());
    expect(text(row.querySelector('time'))).toBe('09:00');
    expect((await client.clock({ set: '2024-06-03T10:30:00+02:00' })).now).toBe('2024-06-03T08:30:00.000Z');
    expect(id).toBeTruthy();
  });
});

describe('clinic simulator pages', () => {
  const { store, state, cases } = scenarioState('pages');

  it('renders every route with the shell landmarks', () => {
    for (const { path: p, doc } of pagesFor(state, 'pages')) {
      const route = parseRoute(p);
      if (route.name === 'login') continue;
      expect(doc.querySelector('nav[aria-label="Huvudmeny"]'), p).not.toBeNull();
      const navLinks = [...doc.querySelectorAll('nav[aria-label="Huvudmeny"] a')].map((a) => text(a));
      expect(navLinks, p).toEqual(expect.arrayContaining(['Startsida', 'Drop in', 'Asynkrona', 'Inställningar']));
      expect(text(doc.querySelector('[aria-label="Skift"]')), p).toContain('Skift pågår');
      const filter = doc.querySelector('[role="group"][aria-label="Globalt filter"]')!;
      const labels = [...filter.querySelectorAll('label')].map((l) => [
        text(l),
        (doc.getElementById(l.getAttribute('for')!) as HTMLSelectElement | null)?.value,
      ]);
      expect(labels, p).toEqual([
        ['Vårdenhet', '1177 direkt Uppsala län'],
        ['Vårdroll', 'Sjuksköterska'],
      ]);
      expect(doc.querySelector('main'), p).not.toBeNull();
      expect(doc.querySelector('h1'), p).not.toBeNull();
    }
  });

  it('renders the login page when logged out, whatever the route', () => {
    const fresh = scenarioState('login').store;
    fresh.reset();
    const doc = parse(renderPageHtml(fresh.getState(), `/besok/${cases.adult}`, 'login'));
    expect(text(doc.querySelector('h1'))).toBe('Logga in');
    expect(doc.querySelector('nav')).toBeNull();
  });

  it('renders the visit view landmarks', () => {
    const doc = parse(renderPageHtml(state, `/besok/${cases.adult}`, 'pages'));
    const header = doc.querySelector('section[aria-label="Patient"]')!;
    expect(text(header.querySelector('h1'))).toBe('Anna Testsson');
    expect(text(header)).toContain('19900101-2385');
    expect(text(header)).toContain('34 år');
    const headings = [...doc.querySelectorAll('h2')].map((h) => text(h));
    expect(headings).toEqual(['Triage resultat och prioritet', 'Anamnes', 'Originalsvar', 'Uppladdningar']);
    const triage = doc.querySelector('h2')!.closest('section')!;
    expect(text(triage)).toContain('Prioritet 3 – Inom ett dygn');
    expect(text(triage)).toContain('Urinvägsbesvär');
    const facts = doc.querySelector('section[aria-label="Besök"]')!;
    const term = (name: string) =>
      [...facts.querySelectorAll('dt')].find((dt) => text(dt) === name)!.nextElementSibling;
    expect(text(term('Besöksstatus'))).toBe('Pågående');
    expect(term('Besöket startade')?.querySelector('time')?.getAttribute('datetime')).toBe('2024-06-03T06:30:00.000Z');
    expect(facts.querySelector('time')?.getAttribute('datetime')).toMatch(/^2024-06-03T/);
    const log = doc.querySelector('section[aria-label="Chatt"] ol[role="log"][aria-label="Meddelanden"]')!;
    const items = [...log.querySelectorAll(':scope > li')];
    expect(items.length).toBe(6);
    const last = items.at(-1)!;
    expect(text(last)).toContain('Anna Testsson Patient');
    expect(last.querySelector('time')?.getAttribute('datetime')).toBe('2024-06-03T06:40:00.000Z');
    expect(text(last.querySelector('time'))).toBe('08:40');
    expect(last.querySelector('img')?.getAttribute('alt')).toBe('Urinsticka med positivt utslag för leukocyter');
    expect(doc.querySelector('textarea[aria-label="Skriv ett meddelande"]')).not.toBeNull();
    const buttons = [...doc.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? text(b));
    expect(buttons).toEqual(
      expect.arrayContaining([
        'Skicka',
        'Fraser',
        'Formulär',
        'Starta videosamtal',
        'Starta ljudsamtal',
        'Avsluta besök',
        'Lämna över besök',
      ]),
    );
    expect(text(doc.body)).toContain('Patienten är online');
  });

  it('renders the Drop in tabs and queue table in arrival order', () => {
    const doc = parse(renderPageHtml(state, '/drop-in', 'pages'));
    const tabs = [...doc.querySelectorAll('[role="tablist"] [role="tab"]')];
    expect(tabs.map((t) => [text(t), t.getAttribute('aria-selected')])).toEqual([
      ['Väntar i kö 6', 'true'],
      ['Mottagna 2', 'false'],
      ['Avslutade 1', 'false'],
    ]);
    const table = doc.querySelector('[role="tabpanel"] table[aria-label="Väntar i kö"]')!;
    expect([...table.querySelectorAll('thead th')].map((th) => text(th)).slice(0, 6)).toEqual([
      'Prioritet',
      'Patient',
      'Personnummer',
      'Sökorsak',
      'Ankomst',
      'Väntat',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    const arrivals = rows.map((r) => r.querySelector('time')!.getAttribute('datetime')!);
    expect(arrivals).toEqual([...arrivals].sort());
    expect(rows.every((r) => [...r.querySelectorAll('button')].some((b) => text(b) === 'Ta emot'))).toBe(true);
    expect(rows[0]!.querySelector('a')?.getAttribute('href')).toBe(`/besok/${cases.child}`);
    const mottagna = parse(renderPageHtml(state, '/drop-in/mottagna', 'pages'));
    expect(mottagna.querySelector('table[aria-label="Mottagna"]')).not.toBeNull();
  });

  it('shows the guardians of a child, the responsible one marked', () => {
    const doc = parse(renderPageHtml(state, `/besok/${cases.teen}`, 'pages'));
    const section = [...doc.querySelectorAll('h2')].find((h) => text(h) === 'Vårdnadshavare')!.closest('section')!;
    const items = [...section.querySelectorAll('li')].map((li) => text(li));
    expect(items).toEqual(['Bengt Provander 19750107-9292 Ansvarig vårdnadshavare', 'Greta Provander 19680102-9288']);
    const adult = parse(renderPageHtml(state, `/besok/${cases.adult}`, 'pages'));
    expect(text(adult.body)).not.toContain('Vårdnadshavare');
  });

  it('renders the header variants and the protection marker', () => {
    const ids = (doc: Document) => text(doc.querySelector('section[aria-label="Patient"]')).match(/\d{8}-\d{4}/g) ?? [];
    const local = scenarioState('variants');
    const page = () => parse(renderPageHtml(local.store.getState(), `/besok/${local.cases.adult}`, 'variants'));
    expect(ids(page())).toEqual(['19900101-2385']);
    local.store.updateCase(local.cases.adult, { headerVariant: 'no-id' });
    expect(ids(page())).toEqual([]);
    local.store.updateCase(local.cases.adult, { headerVariant: 'two-ids' });
    expect(new Set(ids(page())).size).toBe(2);
    local.store.updateCase(local.cases.adult, { headerVariant: 'no-name' });
    expect(page().querySelector('section[aria-label="Patient"] h1')).toBeNull();
    expect(ids(page())).toEqual(['19900101-2385']);

    const marker = () => page().querySelector('section[aria-label="Patient"] [role="status"]');
    expect(marker()).toBeNull();
    local.store.setProtected(local.cases.adult, true);
    expect(text(marker())).toBe('Skyddade personuppgifter');
    const prot = parse(renderPageHtml(local.store.getState(), `/besok/${local.cases.protected}`, 'variants'));
    expect(text(prot.querySelector('section[aria-label="Patient"]'))).toContain('Skyddade personuppgifter');
  });

  it('shows "Patienten är offline" and disables calls when the patient is offline', () => {
    const local = scenarioState('offline');
    local.store.setOnline(local.cases.adult, false);
    const doc = parse(renderPageHtml(local.store.getState(), `/besok/${local.cases.adult}`, 'offline'));
    expect(text(doc.body)).toContain('Patienten är offline');
    const video = doc.querySelector('button[aria-label="Starta videosamtal"]') as HTMLButtonElement;
    expect(video.hasAttribute('disabled')).toBe(true);
  });

  it('escapes patient-supplied text', () => {
    const local = scenarioState('xss');
    const evil = '<img src=x onerror=alert(1)>';
    local.store.addMessage(local.cases.adult, { author: 'patient', text: evil });
    local.store.createCase({
      patient: { name: '<script>alert(1)</script>', personnummer: '19900101-2385' },
      reason: '"><b>fet</b>',
      anamnesis: [{ question: 'Fråga<i>', answer: evil }],
    });
    const st = local.store.getState();
    const evilCase = st.cases.at(-1)!;
    for (const p of [`/besok/${local.cases.adult}`, `/besok/${evilCase.id}`, '/drop-in']) {
      const html = renderPageHtml(st, p, 'xss');
      expect(html).not.toContain(evil);
      const doc = parse(html);
      expect(doc.querySelectorAll('img[src="x"], script, b, i')).toHaveLength(0);
    }
    const doc = parse(renderPageHtml(st, `/besok/${local.cases.adult}`, 'xss'));
    expect(text(doc.querySelector('[role="log"] > li:last-child'))).toContain(evil);
    const other = parse(renderPageHtml(st, `/besok/${evilCase.id}`, 'xss'));
    expect(text(other.querySelector('section[aria-label="Patient"] h1'))).toBe('<script>alert(1)</script>');
  });

  it('hashes class names and ids from the seed: stable for one seed, different for another', () => {
    const a1 = pagesFor(state, 'seed-a');
    const a2 = pagesFor(state, 'seed-a');
    const b = pagesFor(state, 'seed-b');
    for (let i = 0; i < a1.length; i++) {
      expect(a1[i]!.doc.documentElement.outerHTML).toBe(a2[i]!.doc.documentElement.outerHTML);
    }
    const classesA = new Set(a1.flatMap((p) => [...classTokens(p.doc)]));
    const classesB = new Set(b.flatMap((p) => [...classTokens(p.doc)]));
    expect(classesA.size).toBeGreaterThan(50);
    for (const c of classesA) {
      expect(c).toMatch(/^c_[0-9a-z]{7}$/);
      expect(classesB.has(c)).toBe(false);
    }
    const ids = a1.flatMap((p) => [...p.doc.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(id).toMatch(/^c_[0-9a-z]{7}$/);
    // Every id is referenced by ARIA or a label (ids only where they are needed).
    for (const { doc } of a1) {
      for (const el of doc.querySelectorAll('[id]')) {
        const referenced = doc.querySelector(
          `[aria-labelledby~="${el.id}"], [aria-controls="${el.id}"], label[for="${el.id}"]`,
        );
        expect(referenced, el.outerHTML.slice(0, 80)).not.toBeNull();
      }
    }
    // Names are distinct per role for one seed.
    const names = createClassNamer('seed-a');
    const roles = ['patient', 'patient-name', 'patient-pnr', 'log', 'msg-patient', 'nav', 'table', 'tab'];
    expect(new Set(roles.map((r) => names.cls(r))).size).toBe(roles.length);
  });

  it('has no data-* attributes and no stable class or id to anchor on', () => {
    const withDialogs = [
      ...pagesFor(state, 'data'),
      {
        path: 'dialogs',
        doc: parse(
          renderPageHtml(state, `/besok/${cases.adult}`, 'data', {
            ui: { dialog: 'close-visit', chatPanel: 'fraser' },
          }),
        ),
      },
    ];
    for (const { path: p, doc } of withDialogs) {
      for (const el of doc.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) expect(attr.startsWith('data-'), `${p}: ${attr}`).toBe(false);
      }
    }
  });

  it('renders the dialogs: Avsluta besök, Lämna över besök, Bjud in kollega, Logga ut', () => {
    const dialog = (ui: Parameters<typeof renderPageHtml>[3]) =>
      parse(renderPageHtml(state, `/besok/${cases.adult}`, 'dialogs', ui)).querySelector('[role="dialog"]')!;
    const close = dialog({ ui: { dialog: 'close-visit' } });
    expect(text(close.querySelector('h2'))).toBe('Avsluta besök');
    expect(close.querySelectorAll('input[type="radio"][name="asyncDays"]').length).toBe(5);
    const handover = dialog({ ui: { dialog: 'handover' } });
    expect(text(handover.querySelector('h2'))).toBe('Lämna över besök');
    const invite = dialog({ ui: { dialog: 'invite' } });
    expect(text(invite.querySelector('h2'))).toBe('Bjud in kollega');
    expect([...invite.querySelectorAll('select[name="colleague"] option')].map((o) => text(o))).toEqual([
      'Lars Läkarsson (Läkare)',
      'Petra Psykologsson (Psykolog)',
    ]);
    expect(handover.querySelector('select[name="role"]')).not.toBeNull();
    const logout = dialog({ ui: { dialog: 'logout' } });
    expect([...logout.querySelectorAll('button')].map((b) => text(b))).toEqual(
      expect.arrayContaining(['Avsluta skift', 'Logga ut utan att avsluta skift']),
    );
  });

  it('renderApp is a pure function of its inputs', () => {
    const names = createClassNamer('pure');
    const route = parseRoute(`/besok/${cases.adult}`);
    expect(renderApp(state, route, defaultUi(), names)).toBe(renderApp(state, route, defaultUi(), names));
    expect(store.getState().version).toBe(state.version);
  });

  it('keeps the saved pages in test/fixtures/pages up to date', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');
    for (const page of renderSavedPages()) {
      const saved = readFileSync(path.join(dir, page.file), 'utf8');
      expect(saved === page.html, `${page.file} is stale: run npx tsx test/clinic-sim/save-pages.ts`).toBe(true);
    }
  });
});
