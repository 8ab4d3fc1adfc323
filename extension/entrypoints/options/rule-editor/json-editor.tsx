// The JSON view of the draft: CodeMirror 6 (lang-json) with completion of property names from the
// rule-set schema and the checker's errors inline at their path. The draft text stays the one
// state (RuleEditor's); this view follows it and reports edits.
import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { useEffect, useRef } from 'preact/hooks';
import { checkDraft } from '../../../../shared/rules/editor';
import { t } from '../../../lib/i18n';
import { ruleErrorWords } from '../../../lib/rule-error-words';
import { completionsAt, rangeOfPath } from './json-schema-path';
import { RULE_SET_JSON_SCHEMA } from './schema-form';

function schemaCompletion(context: CompletionContext) {
  const word = context.matchBefore(/"?[\w]*/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  const names = completionsAt(context.state, context.pos, RULE_SET_JSON_SCHEMA);
  if (names.length === 0) return null;
  return {
    from: word.from,
    options: names.map((name) => ({ label: `"${name}"`, apply: `"${name}": `, type: 'property' })),
  };
}

/** The checker's errors (with the path) at the place in the text they are about. */
const schemaLinter = linter(
  (view): Diagnostic[] => {
    const result = checkDraft(view.state.doc.toString());
    if (result.ok) return [];
    return result.errors.map((e) => ({
      ...rangeOfPath(view.state, e.path),
      severity: 'error',
      message: `${e.path || t('options_wholeFile')}: ${ruleErrorWords(e)}`,
    }));
  },
  { delay: 300 },
);

/**
 * Marks the view's own follow-the-draft transactions. They are not edits: reporting them back made
 * a ping-pong with Preact, which flushes a render's pending effect (with its older value) when the
 * next render starts, so a keystroke before the next paint swapped two drafts forever and froze
 * the page.
 */
const followsDraft = Annotation.define<boolean>();

export function JsonEditor(props: { value: string; readOnly: boolean; onChange(text: string): void }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          json(),
          schemaLinter,
          lintGutter(),
          autocompletion({ override: [schemaCompletion] }),
          EditorView.lineWrapping,
          editable.current.of([EditorState.readOnly.of(props.readOnly), EditorView.editable.of(!props.readOnly)]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !u.transactions.some((t) => t.annotation(followsDraft)))
              onChange.current(u.state.doc.toString());
          }),
          EditorView.contentAttributes.of({ 'aria-label': t('options_ruleSetJson') }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
  }, []);

  // The draft changed elsewhere (the form, Återställ, an import): the view follows.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== props.value)
      v.dispatch({
        changes: { from: 0, to: v.state.doc.length, insert: props.value },
        annotations: followsDraft.of(true),
      });
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: editable.current.reconfigure([
        EditorState.readOnly.of(props.readOnly),
        EditorView.editable.of(!props.readOnly),
      ]),
    });
  }, [props.readOnly]);

  return <div ref={host} id="rule-editor-json" class="json-editor" />;
}
