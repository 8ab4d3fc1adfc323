import { normalizeText } from './text';

/**
 * Roles and accessible names as assistive technology computes them (pragmatically): what the
 * adapter's label and role strategies match on.
 */
export const IMPLICIT_ROLES: Record<string, string> = {
  nav: 'navigation',
  main: 'main',
  aside: 'complementary',
  table: 'table',
  dialog: 'dialog',
  button: 'button',
  textarea: 'textbox',
  select: 'combobox',
  ol: 'list',
  ul: 'list',
  li: 'listitem',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  form: 'form',
};

export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0] ?? null;
  const tag = el.tagName.toLowerCase();
  if (tag === 'section' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return 'region';
  // A <header> is the page's banner only outside sectioning content (HTML-AAM), not a message's header.
  if (tag === 'header') return el.parentElement?.closest('article, aside, main, nav, section') ? null : 'banner';
  if (tag === 'a' && el.hasAttribute('href')) return 'link';
  return IMPLICIT_ROLES[tag] ?? null;
}

/** A pragmatic accessible name: aria-labelledby, aria-label, <label>, <caption>, else none. */
export function accessibleName(el: Element): string {
  const doc = el.ownerDocument;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (normalizeText(text)) return normalizeText(text);
  }
  const ariaLabel = el.getAttribute('aria-label');
  if (ariaLabel && normalizeText(ariaLabel)) return normalizeText(ariaLabel);
  const tag = el.tagName.toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea') {
    const forLabel = labelNear(el);
    const label = forLabel ?? el.closest('label');
    if (label) return labelTextWithoutControls(label);
  }
  if (tag === 'table') {
    const caption = el.querySelector(':scope > caption');
    if (caption) return normalizeText(caption.textContent);
  }
  if (tag === 'button' || tag === 'a' || roleOf(el) === 'tab' || roleOf(el) === 'heading') {
    return normalizeText(el.textContent);
  }
  return '';
}

/**
 * The `<label for>` of a control, looked for near it (up to four ancestors): a label sits beside
 * its control, and a document-wide query (or `control.labels`) walks the whole chat each time.
 */
function labelNear(el: Element): Element | null {
  const id = el.getAttribute('id');
  if (!id) return null;
  const selector = `label[for="${CSS.escape(id)}"]`;
  let scope = el.parentElement;
  for (let level = 0; scope && level < 4; level++, scope = scope.parentElement) {
    const found = scope.querySelector(selector);
    if (found) return found;
  }
  return null;
}

function labelTextWithoutControls(label: Element): string {
  const clone = label.cloneNode(true) as Element;
  for (const control of clone.querySelectorAll('select, input, textarea, option')) control.remove();
  return normalizeText(clone.textContent);
}

const roleSelectors = new Map<string, string>();
/** A CSS selector for the elements that can have `role` (explicitly or by their tag), so a role
 * strategy does not test every element of a 2,000-message visit. Made once per role (each read
 * asks for it again). */
export function roleSelector(role: string): string {
  let selector = roleSelectors.get(role);
  if (selector === undefined) {
    selector = roleSelectorOf(role);
    roleSelectors.set(role, selector);
  }
  return selector;
}

function roleSelectorOf(role: string): string {
  const tags = Object.entries(IMPLICIT_ROLES)
    .filter(([, implicit]) => implicit === role)
    .map(([tag]) => tag);
  if (role === 'region') tags.push('section[aria-label]', 'section[aria-labelledby]');
  if (role === 'link') tags.push('a[href]');
  if (role === 'banner') tags.push('header');
  return [`[role~="${role}"]`, ...tags].join(', ');
}
