/** Rule options: defaults from the rule's schema, user values validated against it. */
import type { AnyRule, OptionSchema } from '../rule.js';
import { ConfigError } from '../errors.js';

export function defaultOptions(rule: AnyRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(rule.options as Record<string, OptionSchema>)) out[k] = s.default;
  return out;
}

function describe(s: OptionSchema): string {
  switch (s.type) {
    case 'string':
      return s.enum ? `one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}` : 'a string';
    case 'string[]':
      return 'an array of strings';
    case 'boolean':
      return 'true or false';
    case 'integer':
    case 'number': {
      const kind = s.type === 'integer' ? 'an integer' : 'a number';
      const lo = s.minimum !== undefined ? ` ≥ ${s.minimum}` : '';
      const hi = s.maximum !== undefined ? ` ≤ ${s.maximum}` : '';
      return `${kind}${lo}${lo && hi ? ' and' : ''}${hi}`;
    }
  }
}

function valid(s: OptionSchema, v: unknown): boolean {
  switch (s.type) {
    case 'string':
      return typeof v === 'string' && (!s.enum || s.enum.includes(v));
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
    case 'number':
      return (
        typeof v === 'number' &&
        Number.isFinite(v) &&
        (s.type === 'number' || Number.isInteger(v)) &&
        (s.minimum === undefined || v >= s.minimum) &&
        (s.maximum === undefined || v <= s.maximum)
      );
  }
}

/**
 * Defaults merged with `given`; throws ConfigError naming `keyPath.option` and the expected
 * value for an unknown option or a value of the wrong type.
 */
export function resolveOptions(rule: AnyRule, given: Record<string, unknown> | undefined, keyPath: string): Record<string, unknown> {
  const schema = rule.options as Record<string, OptionSchema>;
  const out = defaultOptions(rule);
  if (given === undefined) return out;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new ConfigError(`${keyPath}: options must be an object, e.g. { ${Object.keys(schema)[0] ?? 'option'}: … }`);
  }
  for (const [k, v] of Object.entries(given)) {
    const s = schema[k];
    if (!s) {
      const known = Object.keys(schema);
      throw new ConfigError(
        `${keyPath}.${k}: unknown option for rule "${rule.id}"; ${known.length ? `expected one of ${known.join(', ')}` : 'this rule takes no options'}`,
      );
    }
    if (!valid(s, v)) throw new ConfigError(`${keyPath}.${k}: expected ${describe(s)}, got ${JSON.stringify(v)}`);
    const problem = s.type === 'string[]' ? s.check?.(v as string[]) : undefined;
    if (problem) throw new ConfigError(`${keyPath}.${k}: ${problem}`);
    out[k] = v;
  }
  return out;
}
