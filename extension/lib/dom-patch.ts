// The few helpers of the plain-DOM renderers that stay in the page (the copy button, the queue
// badges): no UI library in the content script (issue 14). They write only what differs: a write
// invalidates the page's style even with an equal value, and the badges are redrawn on page changes.

/** Sets an attribute, or removes it for null, only when it differs. */
export function setAttr(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** Sets a node's text only when it differs. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** A new element of the container's document with these attributes. */
export function element<K extends keyof HTMLElementTagNameMap>(
  near: Node,
  tag: K,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const el = (near.ownerDocument ?? (near as Document)).createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}
