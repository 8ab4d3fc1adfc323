/**
 * Chrome's managed_schema.json, derived from the zod policy schema. Chrome's rules: the top level
 * is an object without additionalProperties, every node has exactly one `type`, and a schema
 * Chrome cannot parse stops the extension from loading. So only attributes Chrome's validator
 * knows are kept; patterns and lengths are left to our own validation (a value Chrome drops
 * silently could not be shown with its reason; ours is).
 */
import { z } from 'zod';
import { policySchema } from './schema';

export interface ChromeSchemaNode {
  type: 'object' | 'string' | 'integer' | 'boolean' | 'number' | 'array';
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchemaNode>;
  items?: ChromeSchemaNode;
  minimum?: number;
  maximum?: number;
}

const KEPT = ['title', 'description', 'minimum', 'maximum'] as const;

function toChrome(node: Record<string, unknown>, path: string): ChromeSchemaNode {
  const type = node.type;
  if (typeof type !== 'string') throw new Error(`policy schema: ${path || '(top)'} has no single type`);
  const out: Record<string, unknown> = { type };
  for (const key of KEPT) if (node[key] !== undefined) out[key] = node[key];
  if (type === 'object') {
    const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([name, child]) => [name, toChrome(child, path ? `${path}.${name}` : name)]),
    );
  }
  if (type === 'array') out.items = toChrome(node.items as Record<string, unknown>, `${path}[]`);
  return out as unknown as ChromeSchemaNode;
}

export function managedSchema(): ChromeSchemaNode {
  const json = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  return toChrome(json, '');
}
