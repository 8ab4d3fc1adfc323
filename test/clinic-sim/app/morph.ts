/**
 * Minimal DOM morphing: bring a live element's children in line with new markup, touching only
 * what changed (like a virtual-DOM framework would). Observers see fine-grained mutations, focus
 * and caret survive re-renders, and form controls keep what the user typed unless the rendered
 * value itself changed.
 */

export function morphChildren(target: Element, markup: string): void {
  const template = target.ownerDocument.createElement('template');
  template.innerHTML = markup;
  syncChildren(target, template.content);
}

function sameKind(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName;
}

function syncChildren(from: Node, to: Node): void {
  const next = Array.from(to.childNodes);
  let current = from.firstChild;
  for (const node of next) {
    if (!current) {
      from.appendChild(node);
      continue;
    }
    if (sameKind(current, node)) {
      // Native subtree comparison first: unchanged parts (most of a 2,000-message chat) are skipped.
      if (!current.isEqualNode(node)) syncNode(current, node);
      current = current.nextSibling;
    } else {
      const after = current.nextSibling;
      from.replaceChild(node, current);
      current = after;
    }
  }
  while (current) {
    const after: ChildNode | null = current.nextSibling;
    from.removeChild(current);
    current = after;
  }
}

function selectedValue(select: Element): string | null {
  const options = Array.from(select.querySelectorAll('option'));
  const chosen = options.find((o) => o.hasAttribute('selected')) ?? options[0];
  return chosen ? (chosen.getAttribute('value') ?? chosen.textContent ?? '') : null;
}

function syncAttributes(from: Element, to: Element): void {
  const keepOpen = from.nodeName === 'DETAILS';
  for (const attr of Array.from(to.attributes)) {
    if (keepOpen && attr.name === 'open') continue;
    if (from.getAttribute(attr.name) !== attr.value) from.setAttribute(attr.name, attr.value);
  }
  for (const attr of Array.from(from.attributes)) {
    if (keepOpen && attr.name === 'open') continue;
    if (!to.hasAttribute(attr.name)) from.removeAttribute(attr.name);
  }
}

function syncNode(from: Node, to: Node): void {
  if (from.nodeType !== 1) {
    if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue;
    return;
  }
  const f = from as Element;
  const t = to as Element;
  switch (f.nodeName) {
    case 'INPUT': {
      const input = f as HTMLInputElement;
      const oldValue = f.getAttribute('value');
      const oldChecked = f.hasAttribute('checked');
      syncAttributes(f, t);
      const newValue = t.getAttribute('value');
      if (oldValue !== newValue && input.value !== (newValue ?? '')) input.value = newValue ?? '';
      const newChecked = t.hasAttribute('checked');
      if (oldChecked !== newChecked) input.checked = newChecked;
      return;
    }
    case 'TEXTAREA': {
      const area = f as HTMLTextAreaElement;
      const oldText = f.textContent ?? '';
      syncAttributes(f, t);
      const newText = t.textContent ?? '';
      if (oldText !== newText) {
        f.textContent = newText;
        if (area.value !== newText) area.value = newText;
      }
      return;
    }
    case 'SELECT': {
      const select = f as HTMLSelectElement;
      const oldSelected = selectedValue(f);
      const newSelected = selectedValue(t);
      syncAttributes(f, t);
      syncChildren(f, t);
      if (newSelected !== null && oldSelected !== newSelected && select.value !== newSelected)
        select.value = newSelected;
      return;
    }
    default:
      syncAttributes(f, t);
      syncChildren(f, t);
  }
}
