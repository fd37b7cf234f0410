// Shared building blocks of every request schema: ids that fit the int4
// columns, dates that exist on the calendar, and text without NUL bytes or
// lone UTF-16 surrogates (PostgreSQL refuses both with an error, not a 400).
import { z } from 'zod';

export const MAX_ID = 2_147_483_647;

/** A row id in a JSON body: a positive integer that fits an int4 column. */
export const idSchema = z.number().int().min(1, 'id_range').max(MAX_ID, 'id_range');
/** A row id in a path or query string. */
export const idParamSchema = z.coerce.number().int().min(1, 'id_range').max(MAX_ID, 'id_range');

/** True when `s` is YYYY-MM-DD and that day exists (no 2026-02-30, no month 99). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export const isoDateSchema = z.string().refine(isCalendarDate, { message: 'date_format' });

/** U+0000 or an unpaired surrogate: text the database cannot store. */
export function hasUnstorableChars(s: string): boolean {
  return s.includes('\u0000') || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}
/** Any text a user may type; refuses what the database cannot store. */
export const textSchema = z.string().refine((s) => !hasUnstorableChars(s), { message: 'text_invalid_chars' });

/** ISO 8601 for a Date or for PostgreSQL's text form ('2026-12-02 16:54:41.389+00'); other text as it is. */
export function isoTimestamp(v: string | Date): string {
  if (typeof v !== 'string') return v.toISOString();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(v);
  if (!m) return v;
  const zone = !m[3] || m[3] === 'Z' ? 'Z' : m[3].length === 3 ? `${m[3]}:00` : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

/**
 * A moment in a response. The database hands back a Date (node-postgres) or
 * PostgreSQL's text (PGlite through raw SQL); the wire always carries the ISO
 * string. Encoding, which is what the response serialiser does, normalises both.
 */
export const timestampSchema = z.codec(z.string(), z.union([z.string(), z.date()]), {
  decode: (s) => s,
  encode: isoTimestamp,
});

/** A file download (xlsx, csv): documented as binary, sent as a stream or buffer, never serialised. */
export const fileResponseSchema = z.unknown().meta({ type: 'string', format: 'binary', description: 'file download' });

/** Path params of any `/:id` route. */
export const idParams = z.object({ id: idParamSchema });
