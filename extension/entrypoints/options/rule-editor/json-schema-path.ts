// Where a path of the rule set is in the JSON text, and which path the cursor is at, read from
// CodeMirror's JSON syntax tree (lang-json), for inline errors and schema-driven completion.
import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import type { JsonSchema } from './schema-form';

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);
const unquote = (state: EditorState, node: SyntaxNode) => {
  const raw = state.sliceDoc(node.from, node.to);
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
};
const children = (node: SyntaxNode) => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};

/** The text range of the value at `path` (dotted, as in the error messages), or of its nearest parent. */
export function rangeOfPath(state: EditorState, path: string): { from: number; to: number } {
  let node: SyntaxNode | undefined = children(syntaxTree(state).topNode).find((c) => VALUE_NODES.has(c.name));
  if (!node) return { from: 0, to: Math.min(1, state.doc.length) };
  for (const segment of path === '' ? [] : path.split('.')) {
    let next: SyntaxNode | undefined;
    if (node.name === 'Object') {
      const property: SyntaxNode | undefined = children(node).find((p) => {
        const name = p.name === 'Property' ? p.getChild('PropertyName') : null;
        return name !== null && unquote(state, name) === segment;
      });
      next = property ? (children(property).find((c) => VALUE_NODES.has(c.name)) ?? property) : undefined;
    } else if (node.name === 'Array' && /^\d+$/.test(segment)) {
      next = children(node).filter((c) => VALUE_NODES.has(c.name))[Number(segment)];
    }
    if (!next) break;
    node = next;
  }
  return { from: node.from, to: node.to };
}

/** The property names of the object the cursor is in, by the schema at that object's path. */
export function completionsAt(state: EditorState, pos: number, schema: JsonSchema): string[] {
  let node: SyntaxNode | null = syntaxTree(state).resolveInner(pos, -1);
  // Find the object the cursor is directly in (inside a property name counts as in it).
  while (node && node.name !== 'Object') node = node.parent;
  if (!node) return [];
  const path: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (p.name === 'Property') {
      const name = p.getChild('PropertyName');
      if (name) path.unshift(unquote(state, name));
    } else if (p.name === 'Array') path.unshift('[]');
  }
  let at: JsonSchema | undefined = schema;
  for (const segment of path) at = segment === '[]' ? at?.items : at?.properties?.[segment];
  const present = new Set(
    children(node)
      .map((p) => p.getChild('PropertyName'))
      .filter((n): n is SyntaxNode => n !== null)
      .map((n) => unquote(state, n)),
  );
  return Object.keys(at?.properties ?? {}).filter((k) => !present.has(k));
}
