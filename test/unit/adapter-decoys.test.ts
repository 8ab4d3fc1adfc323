// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readSnapshot, registryFor, SELECTORS, waitingQueuePlaces } from '../../extension/clinic';
import { defaultRuleSet } from '../../shared/rules';

/**
 * Issue 8: each class of decoy a real console may show, and that the simulator's first markup
 * never did. One test per class; each fails without the code that handles it. Numbers are
 * Skatteverket test numbers (Anna 19900101-2385, Bengt 19750107-9292 as "the other person",
 * Märta 19200101-1564, and 200701012395 written as a phone number).
 */
const VISIT = new Date('2024-06-03T09:00:00+02:00');
const visit = (header: string, rest = '') => {
  document.body.innerHTML = `<main><section aria-label="Patient"><h1>Anna Testsson</h1>${header}</section>
    <section aria-label="Besök"><dl><div><dt>Besöksstatus</dt><dd>Pågående</dd></div>
    <div><dt>Besöket startade</dt><dd><time datetime="2024-06-03T09:00:00+02:00">09:00</time></dd></div></dl></section>${rest}</main>`;
  return readSnapshot(document, SELECTORS, VISIT);
};
const ANNA = { normalized: '199001012385', kind: 'personnummer', birthDate: '1990-01-01' };

describe('identity by meaning (R-ID-1)', () => {
  it('R-ID-1: the booking guardian in the header ("Bokad av … (ansvarig vårdnadshavare), <her number>") is never the patient', () => {
    const alone = visit('<p>Bokad av Bengt Provander (ansvarig vårdnadshavare), 19750107-9292</p>');
    expect(alone.patient.id.known).toBe(false);
    const both = visit(
      '<p>Bokad av Bengt Provander (ansvarig vårdnadshavare), 19750107-9292</p><p>Personnummer 19900101-2385</p>',
    );
    expect(both.patient.id).toEqual({ known: true, value: ANNA });
    expect(
      both.guardians.known && both.guardians.value.map((g) => [g.id.known && g.id.value.normalized, g.responsible]),
    ).toEqual([['197501079292', true]]);
  });

  it('R-ID-1: a masked patient number beside a mobile number whose digits pass Luhn → unknown, never the phone', () => {
    const s = visit(
      '<p><span>Pnr</span> <span>19900101-XXXX</span></p><p><span>Mobil</span> <span>0701012395</span></p>',
    );
    expect(s.patient.id).toMatchObject({ known: false });
    const unlabelledPhone = visit('<p>19900101-••••</p><p>0701012395</p>');
    expect(unlabelledPhone.patient.id).toMatchObject({ known: false });
    const countryCode = visit('<p>+46 0701012395</p>');
    expect(countryCode.patient.id).toMatchObject({ known: false, reason: 'missing' });
  });

  it('R-ID-1: a 10-digit number with "-" beside "104 år" is not a 4-year-old: the cross-check says unknown', () => {
    const wrongCentury = visit('<p><span>200101-1564</span> <span>104 år</span></p>');
    expect(wrongCentury.patient.id).toMatchObject({ known: false, reason: 'invalid' });
    const plus = visit('<p><span>200101+1564</span> <span>104 år</span></p>');
    expect(plus.patient.id).toEqual({
      known: true,
      value: { normalized: '192001011564', kind: 'personnummer', birthDate: '1920-01-01' },
    });
    const born = visit('<p>Personnummer 19900101-2385</p><p>Född 1991-01-01</p>');
    expect(born.patient.id).toMatchObject({ known: false, reason: 'invalid' });
    const guardianAge = visit('<p>19900101-2385 <span>34 år</span></p><p>Vårdnadshavare: Bengt, 49 år</p>');
    expect(guardianAge.patient.id).toEqual({ known: true, value: ANNA });
  });

  it('R-ID-1: separators as people write them — space, non-breaking space, en dash, none — are read', () => {
    for (const written of ['19900101 2385', '19900101\u00a02385', '19900101–2385', '199001012385', '900101-2385']) {
      expect(visit(`<p><span>Personnummer</span> <span>${written}</span></p>`).patient.id, written).toEqual({
        known: true,
        value: ANNA,
      });
    }
  });

  it("R-ID-1: a read-only form field labelled Personnummer holds the patient's number", () => {
    const s = visit('<label for="p">Personnummer</label><input id="p" readonly value="19900101-2385">');
    expect(s.patient.id).toEqual({ known: true, value: ANNA });
    const guardianField = visit(
      '<label for="g">Vårdnadshavarens personnummer</label><input id="g" readonly value="19750107-9292">',
    );
    expect(guardianField.patient.id.known).toBe(false);
  });

  it('R-ID-1: an old number ("Tidigare") and a labelled region of someone else never count as the patient\'s', () => {
    const s = visit('<p><span>19900101-2385</span> <span>Tidigare: 19750107-9292</span></p>');
    // The patient's number is unlabelled and not the only one: unknown, never "the first".
    expect(s.patient.id).toMatchObject({ known: false, reason: 'ambiguous' });
    const labelled = visit('<p>Pnr: 19900101-2385</p><p>Tidigare personnummer: 19750107-9292</p>');
    expect(labelled.patient.id).toEqual({ known: true, value: ANNA });
    const region = visit(
      '<div role="region" aria-label="Närstående"><p>Personnummer: 19750107-9292</p></div><p>Personnummer: 19900101-2385</p>',
    );
    expect(region.patient.id).toEqual({ known: true, value: ANNA });
  });

  it("R-ID-1: a table row headed Vårdnadshavare is the guardian's; the row headed Personnummer is the patient's", () => {
    const s = visit(`<table><tbody>
      <tr><th scope="row">Vårdnadshavare</th><td>Bengt Provander, 19750107-9292</td></tr>
      <tr><th scope="row">Personnummer</th><td>19900101-2385</td></tr></tbody></table>`);
    expect(s.patient.id).toEqual({ known: true, value: ANNA });
  });
});

describe('protected identity fails safe (R-PI-2)', () => {
  it('R-PI-2: markers are a case-insensitive vocabulary in text, aria-label and title', () => {
    for (const marker of [
      '<span role="status">Skyddad identitet</span>',
      '<span>SEKRETESSMARKERING</span>',
      '<span role="img" aria-label="Skyddade personuppgifter">🔒</span>',
      '<span title="Skyddad folkbokföring">!</span>',
      '<p>Patienten har fingerade personuppgifter</p>',
    ]) {
      expect(visit(`<p>19900101-2385</p>${marker}`).patient.protectionMarker, marker).toEqual({
        known: true,
        value: true,
      });
    }
  });

  it('R-PI-2: no marker seen is known(false) only where the header was read; no header is unknown', () => {
    expect(visit('<p>19900101-2385</p>').patient.protectionMarker).toEqual({ known: true, value: false });
    document.body.innerHTML = '<main><p>Ingen patient</p></main>';
    expect(readSnapshot(document, SELECTORS, VISIT).patient.protectionMarker.known).toBe(false);
  });

  it("R-GU-3: a marker on the guardian's line marks the guardian, not the patient", () => {
    const s = visit(
      '<p>Personnummer 19900101-2385</p>',
      `<section aria-labelledby="g"><h2 id="g">Vårdnadshavare</h2><ul>
        <li>Bengt Provander 19750107-9292 <span>Ansvarig vårdnadshavare</span> <span>Skyddad identitet</span></li></ul></section>`,
    );
    expect(s.patient.protectionMarker).toEqual({ known: true, value: false });
    expect(s.guardians.known && s.guardians.value[0]?.protectionMarker).toEqual({ known: true, value: true });
  });
});

describe('absence of evidence is unknown', () => {
  it('R-J-3: messages whose author no word names make the channels unknown, not "chat only"', () => {
    const s = visit(
      '<p>19900101-2385</p>',
      `<ol role="log" aria-label="Meddelanden"><li><p><span>Anna</span> <span>Okänd</span></p><p>Hej</p></li></ol>`,
    );
    expect(s.chat.known && s.chat.value[0]?.author).toBe('unknown');
    expect(s.channels.known).toBe(false);
  });

  it('R-J-6: an uploads section with no image and no "Inga …" is unknown, never 0', () => {
    const s = visit(
      '<p>19900101-2385</p>',
      '<section aria-labelledby="u"><h2 id="u">Uppladdningar</h2><p>Laddar…</p></section>',
    );
    expect(s.uploads.known).toBe(false);
    const none = visit(
      '<p>19900101-2385</p>',
      '<section aria-labelledby="u"><h2 id="u">Uppladdningar</h2><p>Inga uppladdningar</p></section>',
    );
    expect(none.uploads).toEqual({ known: true, value: 0 });
  });

  it('R-GU-5: a visit with no guardians section has guardians unknown, not an empty list', () => {
    expect(visit('<p>19900101-2385</p>').guardians.known).toBe(false);
  });

  it("R-J-5: the clinician's role comes from the logged-in name block, not the global filter", () => {
    document.body.innerHTML = `<nav aria-label="Huvudmeny"><a href="/i"><span>Sara</span><span>Sjuksköterska, 1177 direkt Uppsala län</span></a></nav>
      <header><div role="group" aria-label="Globalt filter"><label for="r">Vårdroll</label><select id="r"><option selected>Läkare</option></select></div></header>
      <main></main>`;
    const s = readSnapshot(document, SELECTORS, VISIT);
    expect(s.clinician.role).toEqual({ known: true, value: 'Sjuksköterska' });
    expect(s.clinician.unit).toEqual({ known: true, value: '1177 direkt Uppsala län' });
    expect(s.filter.role).toEqual({ known: true, value: 'Läkare' });
  });
});

describe('queue: tables and ARIA grids (R-Q-1)', () => {
  const grid = `<main><div role="grid" aria-label="Väntar i kö">
    <div role="row"><span role="columnheader">Väntetid</span><span role="columnheader">Namn</span><span role="columnheader">Prio</span></div>
    <div role="row"><span role="cell">1 tim 5 min</span><span role="cell"><a href="/besok/a">Hugo</a></span><span role="cell">Prio 2</span></div>
    <div role="row"><span role="cell">1 h</span><span role="cell"><a href="/besok/b">Ella</a></span><span role="cell">Ej triagerad</span></div>
  </div></main>`;

  it('R-Q-1: an ARIA grid with columns in another order, waits past an hour, no <time>', () => {
    document.body.innerHTML = grid;
    const s = readSnapshot(document, SELECTORS, VISIT);
    expect(s.route).toBe('drop-in');
    expect(s.queue).toEqual({
      known: true,
      value: [
        {
          priority: 2,
          patientName: 'Hugo',
          waitedMinutes: 65,
          arrivedAt: new Date(VISIT.getTime() - 65 * 60_000).toISOString(),
        },
        {
          priority: null,
          patientName: 'Ella',
          waitedMinutes: 60,
          arrivedAt: new Date(VISIT.getTime() - 60 * 60_000).toISOString(),
        },
      ],
    });
    expect(waitingQueuePlaces(document, SELECTORS)?.map((p) => p.visitKey)).toEqual(['/besok/a', '/besok/b']);
  });

  it("R-Q-1: each row's visit key is its link's path on this console, as the browser resolves it; another site's is none", () => {
    const hrefs = [
      '/besok/a',
      '/besok/x/../b',
      `${location.origin}/besok/c`,
      '/besok/d?flik=chatt#slut',
      '/besok/e f',
      '//annan.example/besok/f',
      'https://annan.example/besok/g',
    ];
    document.body.innerHTML = grid.replace(
      /<div role="row"><span role="cell">1 tim[\s\S]*<\/div>\n {2}<\/div>/u,
      hrefs
        .map(
          (href) =>
            `<div role="row"><span role="cell">5 min</span><span role="cell"><a href="${href}">Hugo</a></span><span role="cell">Prio 3</span></div>`,
        )
        .join(''),
    );
    expect(waitingQueuePlaces(document, SELECTORS)?.map((p) => p.visitKey)).toEqual([
      '/besok/a',
      '/besok/b',
      '/besok/c',
      '/besok/d',
      '/besok/e%20f',
      null,
      null,
    ]);
  });

  it('R-Q-1: a queue that cannot be read is unknown everywhere, never an empty list', () => {
    document.body.innerHTML = grid.replace('Namn', 'Xyz');
    const s = readSnapshot(document, SELECTORS, VISIT);
    expect(s.queue.known).toBe(false);
    expect(waitingQueuePlaces(document, SELECTORS)).toBeNull();
  });

  it('R-Q-1: a <caption>-named table is read', () => {
    document.body.innerHTML = `<main><table><caption>Väntar i kö</caption><thead><tr><th>Patient</th><th>Väntat</th></tr></thead>
      <tbody><tr><td>Hugo</td><td>12 min</td></tr></tbody></table></main>`;
    expect(readSnapshot(document, SELECTORS, VISIT).queue).toMatchObject({
      known: true,
      value: [{ patientName: 'Hugo', waitedMinutes: 12 }],
    });
  });
});

describe('vocabulary as data, patched without a release', () => {
  it("a console worded outside the defaults is unreadable, and a rule set's vocabulary alone makes it readable", () => {
    document.body.innerHTML = `<main><section aria-label="Vårdtagare"><h1>Anna Testsson</h1>
      <p><span>Identitetsnummer</span> <span>19900101-2385</span></p><p><span>Status</span> <span>Integritetsskydd</span></p></section></main>`;
    expect(readSnapshot(document, SELECTORS, VISIT).route).toBe('other');
    const patched = registryFor({
      ...defaultRuleSet,
      adapterVocabulary: {
        patientHeader: ['Vårdtagare'],
        identityLabels: ['Identitetsnummer'],
        protectionMarkers: ['Integritetsskydd'],
      },
    });
    const s = readSnapshot(document, patched, VISIT);
    expect(s.patient.id).toEqual({ known: true, value: ANNA });
    expect(s.patient.protectionMarker).toEqual({ known: true, value: true });
  });
});
