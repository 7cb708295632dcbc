/**
 * Values for a route's input, generated from its zod schema (through zod's JSON Schema): mostly
 * what the schema accepts, so that a request gets past validation and reaches the service, with
 * one hostile leaf — so that what the service does with a NUL, a lone surrogate or a year 0000
 * that validation let through is tried too.
 */
import fc from 'fast-check';
import { z } from 'zod';

/** A JSON Schema node, as zod writes it (only the keywords zod emits). */
interface Node {
  $ref?: string;
  $defs?: Record<string, Node>;
  type?: string | string[];
  anyOf?: Node[];
  oneOf?: Node[];
  allOf?: Node[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  prefixItems?: Node[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  additionalProperties?: Node | boolean;
}

export interface ValueSources {
  /** Ids of rows that exist, so that references point at something. */
  ids: string[];
  /** Hostile leaves, one of which replaces a plausible one. */
  hostile: unknown[];
}

const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const plausibleDate = () =>
  fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Date fields are refined strings, which JSON Schema cannot say: their names tell them. */
const DATE_FIELD = /^(on|from|to|date|asOf)$|(On|Date|From|To)$/;
const VIETNAMESE_WORDS = ['Kế hoạch', 'học tập', 'chi bộ', 'Đảng ủy', 'báo cáo', 'sinh hoạt', 'quán triệt', 'đảng viên'];

/** The JSON Schema of a zod schema as the client sends it, or undefined for anything else. */
export function jsonSchemaOf(schema: unknown): Node | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Node;
}

/**
 * Values for `root` that the schema accepts (as far as its JSON Schema says), and the same values with
 * exactly one leaf replaced by a hostile one: a single bad field in an otherwise good request is what
 * reaches the deepest code.
 */
export function valuesOf(root: Node, sources: ValueSources): fc.Arbitrary<unknown> {
  const plausible = plausibleValuesOf(root, sources.ids);
  return fc.oneof(
    { weight: 1, arbitrary: plausible },
    { weight: 3, arbitrary: fc.tuple(plausible, fc.nat(), fc.constantFrom(...sources.hostile)).map(([v, i, h]) => withLeafReplaced(v, i, h)) },
  );
}

/** `value` with its leaf number `index` (modulo the number of leaves) replaced by `replacement`. */
export function withLeafReplaced(value: unknown, index: number, replacement: unknown): unknown {
  const count = leafCount(value);
  if (count === 0) return value;
  let n = index % count;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return n-- === 0 ? replacement : v;
  };
  return walk(value);
}

function leafCount(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((sum: number, x) => sum + leafCount(x), 0);
  if (v !== null && typeof v === 'object') return Object.values(v).reduce((sum: number, x) => sum + leafCount(x), 0);
  return 1;
}

function plausibleValuesOf(root: Node, ids: string[]): fc.Arbitrary<unknown> {
  const defs = root.$defs ?? {};

  const string = (n: Node, key: string): fc.Arbitrary<unknown> => {
    if (n.format === 'uuid') return ids.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, fc.uuid()) : fc.uuid();
    if (n.pattern === ISO_DATE_PATTERN || n.format === 'date' || DATE_FIELD.test(key)) return plausibleDate();
    if (n.pattern) {
      try {
        return fc.stringMatching(new RegExp(n.pattern)).filter((s) => s.length <= (n.maxLength ?? 1000));
      } catch {
        // A pattern fast-check cannot read: plain text stands in.
      }
    }
    const min = n.minLength ?? 0;
    const max = Math.min(n.maxLength ?? 60, 200);
    const text = fc.oneof(fc.constantFrom(...VIETNAMESE_WORDS), fc.string({ minLength: min, maxLength: max })).filter((s) => s.length >= min && s.length <= (n.maxLength ?? Infinity));
    return text;
  };

  // Recursion through $ref is bounded by depth: the generated value stays small, the schema's own
  // depth limit is tried by the hostile-nesting values of the suite.
  const of = (n: Node, depth: number, key = ''): fc.Arbitrary<unknown> => {
    if (n.$ref) {
      const target = defs[n.$ref.replace('#/$defs/', '')];
      return target && depth < 4 ? of(target, depth + 1, key) : fc.constant(null);
    }
    if (n.const !== undefined) return fc.constant(n.const);
    if (n.enum) return fc.constantFrom(...n.enum);
    const alternatives = n.anyOf ?? n.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((a) => of(a, depth + 1, key)));
    if (n.allOf && n.allOf.length > 0) return of(n.allOf[0]!, depth + 1, key);
    const type = Array.isArray(n.type) ? fc.constantFrom(...n.type) : fc.constant(n.type);
    return type.chain((t) => {
      switch (t) {
        case 'object': {
          const props = Object.entries(n.properties ?? {});
          if (props.length === 0) return fc.constant({});
          const required = (n.required ?? []).filter((k) => n.properties?.[k]);
          return fc.record(Object.fromEntries(props.map(([k, p]) => [k, of(p, depth + 1, k)])), { requiredKeys: required });
        }
        case 'array': {
          if (n.prefixItems) return fc.tuple(...n.prefixItems.map((p) => of(p, depth + 1)));
          const item = n.items ? of(n.items, depth + 1, key) : fc.constant(null);
          const minLength = n.minItems ?? 0;
          return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(n.maxItems ?? 3, 3)) });
        }
        case 'string':
          return string(n, key);
        case 'integer':
          return fc.integer({ min: n.minimum ?? -1000, max: n.maximum ?? 100_000 });
        case 'number':
          return fc.double({ min: n.minimum ?? -1000, max: n.maximum ?? 100_000, noNaN: true });
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        default:
          return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null));
      }
    });
  };
  return of(root, 0);
}
