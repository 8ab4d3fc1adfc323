/**
 * Issue 14's lint: words a user reads, hard-coded in extension/ instead of coming from _locales
 * through `t()` (lib/i18n.ts). What counts as such words (TypeScript's syntax tree, not regexes
 * over the source):
 * - JSX text, and the user-facing attributes (title, aria-label, placeholder, alt, label …);
 * - text written to the page (textContent, title, setAttribute('aria-label' …)), the reason of an
 *   `unknown(…)` fact and other user-facing properties (reason, message, label, detail …);
 * - outside the page adapter (extension/clinic/, which matches the console's own Swedish words),
 *   any literal with Swedish letters.
 * A literal that is deliberately not UI (the console's words, the journal note's Swedish text for
 * the Swedish record) is exempted by a comment `i18n-exempt: <why>` before it or any enclosing
 * declaration: the reason is read in review.
 * CLI: `npx tsx test/unit/hardcoded-strings.ts [files…]` prints what it finds.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface HardcodedString {
  file: string;
  line: number;
  text: string;
  why: string;
}

const USER_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'placeholder',
  'alt',
  'label',
]);
const USER_PROPERTIES = new Set([
  'title',
  'label',
  'message',
  'text',
  'reason',
  'detail',
  'hint',
  'heading',
  'summary',
  'ariaLabel',
  'placeholder',
  'description',
  'body',
  'unreadable',
]);
const USER_CALLS = new Set(['unknown', 'announce', 'alarm', 'say']);
const WORD = /\p{L}{2,}/u;
const SWEDISH = /[åäöÅÄÖé]/;
/** Two words or more: a phrase, unless it reads as CSS, a selector or a log line for developers. */
const PHRASE = /\p{L}{2,}[ \u00a0]+\p{L}{2,}/u;
const CODE_LIKE = /[{};[\]=#>*|\\]|^\s*[\w-]+:\s|--|\.\w+\(/;
/** Reads as words rather than a code: a phrase, Swedish letters, or a capitalised word. */
const wordy = (text: string): boolean => PHRASE.test(text) || SWEDISH.test(text) || /^\p{Lu}/u.test(text);
const EXEMPT = /i18n-exempt:\s*\S/;

export function extensionSources(): string[] {
  return execFileSync('git', ['ls-files', 'extension/**/*.ts', 'extension/**/*.tsx'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !/\.test\.tsx?$/.test(f) && f !== 'extension/lib/i18n.ts');
}

function literalText(node: ts.Node): string | null {
  if (ts.isJsxText(node)) return node.text.trim() || null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** Attributes whose values are code (CSS classes, ids, roles), even when they read as words. */
const CODE_ATTRIBUTES = new Set(['class', 'className', 'id', 'role', 'type', 'name', 'for', 'htmlFor', 'key', 'lang']);
/** Calls whose text is for developers (logs, internal errors, queue names), never shown. */
const DEVELOPER_CALLS = new Set(['logError', 'logWarning', 'createSerialQueue', 'Error', 'TypeError']);

/** The node that receives this expression's value, through ternaries, `||`, parentheses and templates. */
function receiver(node: ts.Node): ts.Node {
  let n = node.parent;
  while (
    ts.isConditionalExpression(n) ||
    ts.isParenthesizedExpression(n) ||
    ts.isTemplateSpan(n) ||
    ts.isTemplateExpression(n) ||
    ts.isJsxExpression(n) ||
    (ts.isBinaryExpression(n) && n.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
  )
    n = n.parent;
  return n;
}

/** English for developers (a log line, an internal error): Swedish there is still flagged. */
function forDevelopers(node: ts.Node): boolean {
  const to = receiver(node);
  return (ts.isCallExpression(to) || ts.isNewExpression(to)) && DEVELOPER_CALLS.has(to.expression.getText());
}

/** Literals that are code, not words: module names, types, property names, t()'s key. */
function isCode(node: ts.Node): boolean {
  const parent = node.parent;
  const to = receiver(node);
  if (ts.isJsxAttribute(to) && CODE_ATTRIBUTES.has(to.name.getText())) return true;

  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent.parent))
    return true;
  if (ts.isLiteralTypeNode(parent) || (ts.isPropertyAssignment(parent) && parent.name === node)) return true;
  if (ts.isPropertySignature(parent) || ts.isElementAccessExpression(parent) || ts.isExternalModuleReference(parent))
    return true;
  if (
    ts.isCallExpression(parent) &&
    ts.isIdentifier(parent.expression) &&
    ['t', 'plural'].includes(parent.expression.text)
  )
    return true;
  return false;
}

/** Why this literal is read by a user, or null. */
function userFacing(node: ts.Node, text: string, inAdapter: boolean): string | null {
  if (!WORD.test(text) || isCode(node)) return null;
  if (ts.isJsxText(node)) return 'JSX text';
  const parent = node.parent;
  const holder = receiver(node);
  if (ts.isJsxAttribute(holder) && USER_ATTRIBUTES.has(holder.name.getText())) return `${holder.name.getText()}=`;
  // (A code there — 'proof-failed', a message key — is worded elsewhere: words only.)
  if (ts.isPropertyAssignment(parent) && USER_PROPERTIES.has(parent.name.getText()) && wordy(text))
    return `${parent.name.getText()}:`;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = parent.left.getText();
    if (/\.(textContent|innerText|title|ariaLabel|placeholder)$/.test(target)) return `${target} =`;
  }
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText();
    const name = callee.split('.').pop() ?? '';
    // (Their other arguments are ids and options: 'same-patient-guard', 'assertive'.)
    if (USER_CALLS.has(name) && wordy(text)) return `${name}(…)`;
    if (
      name === 'setAttribute' &&
      parent.arguments[1] === node &&
      USER_ATTRIBUTES.has(literalText(parent.arguments[0]!) ?? '')
    )
      return 'setAttribute';
  }
  if (!inAdapter && SWEDISH.test(text)) return 'Swedish words';
  if (!inAdapter && PHRASE.test(text) && !CODE_LIKE.test(text) && !forDevelopers(node)) return 'a phrase';
  return null;
}

function exempted(node: ts.Node, source: string): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    const comments = ts.getLeadingCommentRanges(source, n.getFullStart()) ?? [];
    if (comments.some((c) => EXEMPT.test(source.slice(c.pos, c.end)))) return true;
  }
  return false;
}

/** The user-facing hard-coded strings in one source file (its path decides the adapter's leeway). */
export function scanSource(file: string, source: string): HardcodedString[] {
  const found: HardcodedString[] = [];
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const inAdapter = file.startsWith('extension/clinic/');
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null) {
      const why = userFacing(node, text, inAdapter);
      if (why && !exempted(node, source)) {
        const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ file, line, text: text.slice(0, 80), why });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

export function hardcodedStrings(files: string[] = extensionSources()): HardcodedString[] {
  return files.flatMap((file) => scanSource(file, readFileSync(file, 'utf8')));
}

if (process.argv[1]?.endsWith('hardcoded-strings.ts')) {
  const files = process.argv.slice(2);
  const found = hardcodedStrings(files.length ? files : undefined);
  for (const f of found) console.log(`${f.file}:${f.line}  [${f.why}]  ${JSON.stringify(f.text)}`);
  console.log(`${found.length} hard-coded user-facing strings`);
}
