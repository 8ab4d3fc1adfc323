// @vitest-environment happy-dom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTicketVisit, SELECTORS } from '../../extension/clinic';
import { locateAll, normalizeText, withQueryCache } from '../../extension/clinic/dom-query';
import { readVisitPeople } from '../../extension/clinic/visit-people';
import { showPage } from './show-page';

/**
 * Issue 16: within a read, a term is looked up in the read's structure index instead of walking
 * its scope again. It must find exactly what the walk finds, on every saved console page, for
 * every term the page shows and for every scope (the whole page, each section).
 */
const PAGES = 'test/fixtures/pages';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? pages(file) : name.endsWith('.html') ? [file] : [];
  });
}

function load(file: string): void {
  const html = readFileSync(file, 'utf8');
  showPage(html);
}

/** The texts that could be terms: every leaf's text, without a closing colon. */
function candidateTerms(): string[] {
  const texts = new Set<string>();
  for (const el of document.querySelectorAll('dt, th, [role="rowheader"], span, strong, b, label, p, div')) {
    if (el.childElementCount > 0) continue;
    const text = normalizeText(el.textContent).replace(/:$/u, '');
    if (text && text.length < 40) texts.add(text);
  }
  return [...texts];
}

describe('a term within a read is what a walk of its scope finds (issue 16)', () => {
  const files = pages(PAGES);
  it('there are saved pages to check', () => expect(files.length).toBeGreaterThan(5));

  for (const file of files) {
    it(path.relative(PAGES, file), () => {
      load(file);
      const scopes: ParentNode[] = [
        document,
        ...document.querySelectorAll('main, section, [role="region"], dl, table'),
      ];
      for (const term of candidateTerms()) {
        for (const scope of scopes) {
          const strategy = { kind: 'term', term } as const;
          const walked = locateAll(scope, strategy);
          const inRead = withQueryCache(new Map(), () => locateAll(scope, strategy));
          expect(inRead, `${term} in ${(scope as Element).tagName ?? 'document'}`).toEqual(walked);
        }
      }
      // The readers built on terms answer the same in a read as alone.
      expect(withQueryCache(new Map(), () => readVisitPeople(document, SELECTORS))).toEqual(
        readVisitPeople(document, SELECTORS),
      );
      expect(withQueryCache(new Map(), () => readTicketVisit(document, SELECTORS))).toEqual(
        readTicketVisit(document, SELECTORS),
      );
    });
  }
});
