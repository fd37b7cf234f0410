// The request validator: the zod schemas of each route, behind one check that
// no string anywhere in a request (body, query, path; keys included) holds
// U+0000 or a lone UTF-16 surrogate. PostgreSQL cannot store either and fails
// the statement, so such text is refused with a 400 here, for every route,
// including fields whose schema is a plain z.string().
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { hasUnstorableChars } from '../shared/primitives.js';

/** The JSON-pointer path of the first unstorable string in `value`, or undefined. */
export function findUnstorableText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return hasUnstorableChars(value) ? path || '/' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (hasUnstorableChars(k)) return `${path}/${k.replace(/[^\w-]/g, '?')}`;
      const found = findUnstorableText(v, `${path}/${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const zod = zodValidatorCompiler(route);
  return (data) => {
    const at = findUnstorableText(data);
    if (at) return { error: [{ instancePath: at, message: 'text_invalid_chars', keyword: 'text', params: {}, schemaPath: '' }] } as never;
    return zod(data);
  };
};
