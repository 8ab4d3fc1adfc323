// The form view of the draft, generated from the rule-set schema (zod 4 → JSON Schema), so a
// field added to the schema appears here without UI code. Scalars get inputs; lists and nested
// objects below the second level are edited as JSON in place. Every edit writes the draft JSON.
import { z } from 'zod';
import { ruleSetSchema } from '../../../../shared/rules';
import { t } from '../../../lib/i18n';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
}

/** The schema as JSON Schema (input side: what a file may contain). */
export const RULE_SET_JSON_SCHEMA = z.toJSONSchema(ruleSetSchema, {
  io: 'input',
  unrepresentable: 'any',
}) as JsonSchema;

type Path = (string | number)[];
const pathText = (path: Path) => path.join('.');

/** A copy of `root` with `value` at `path`. */
export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const base = (typeof root === 'object' && root !== null ? root : {}) as Record<string | number, unknown>;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...base };
  (copy as Record<string | number, unknown>)[head!] = setAt(base[head!], rest, value);
  return copy;
}

interface FieldProps {
  schema: JsonSchema;
  value: unknown;
  path: Path;
  locked: boolean;
  onChange(path: Path, value: unknown): void;
}

function Field({ schema, value, path, locked, onChange }: FieldProps) {
  const id = `field-${pathText(path)}`;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const label = <label for={id}>{pathText(path)}</label>;
  if (type === 'integer' || type === 'number')
    return (
      <div class="field">
        {label}
        <input
          id={id}
          type="number"
          disabled={locked}
          value={typeof value === 'number' ? String(value) : ''}
          onInput={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            // An empty or partial number is kept as text, so Kontrollera names the path.
            onChange(path, raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw);
          }}
        />
      </div>
    );
  if (type === 'boolean')
    return (
      <div class="field">
        <label>
          <input
            id={id}
            type="checkbox"
            disabled={locked}
            checked={value === true}
            onChange={(e) => onChange(path, (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {pathText(path)}
        </label>
      </div>
    );
  if (type === 'string')
    return (
      <div class="field">
        {label}
        <input
          id={id}
          type="text"
          disabled={locked}
          value={typeof value === 'string' ? value : ''}
          onInput={(e) => onChange(path, (e.currentTarget as HTMLInputElement).value)}
        />
      </div>
    );
  if (type === 'object' && schema.properties && path.length < 2)
    return (
      <>
        {Object.entries(schema.properties).map(([key, sub]) => (
          <Field
            key={key}
            schema={sub}
            value={(value as Record<string, unknown> | undefined)?.[key]}
            path={[...path, key]}
            locked={locked}
            onChange={onChange}
          />
        ))}
      </>
    );
  // Lists and deeper structures: JSON in place; text that is not JSON is kept until it parses.
  return (
    <div class="field">
      {label}
      <textarea
        id={id}
        rows={3}
        spellcheck={false}
        disabled={locked}
        class="json-field"
        value={JSON.stringify(value ?? null)}
        onChange={(e) => {
          try {
            onChange(path, JSON.parse((e.currentTarget as HTMLTextAreaElement).value));
          } catch {
            (e.currentTarget as HTMLTextAreaElement).setCustomValidity(t('options_invalidJson'));
          }
        }}
      />
    </div>
  );
}

/** One fieldset per top-level part of the rule set; a part set by policy is read-only. */
export function SchemaForm(props: {
  draft: Record<string, unknown>;
  lockedParts: ReadonlySet<string>;
  onChange(path: Path, value: unknown): void;
}) {
  const parts = Object.entries(RULE_SET_JSON_SCHEMA.properties ?? {}).filter(([k]) => k !== 'schemaVersion');
  return (
    <div id="rule-editor-form">
      {parts.map(([part, schema]) => {
        const locked = props.lockedParts.has(part);
        return (
          <fieldset key={part} data-part={part} disabled={locked}>
            <legend>
              {part}
              {locked && <span class="locked"> – {t('options_reasonLockedByPolicy')}</span>}
            </legend>
            <Field schema={schema} value={props.draft[part]} path={[part]} locked={locked} onChange={props.onChange} />
          </fieldset>
        );
      })}
    </div>
  );
}
