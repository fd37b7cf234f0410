// The one fetch helper of the UI. Each feature's `<feature>-api.ts` types its
// calls with `Wire<typeof schema>` from the shared response schemas, so a
// screen reads exactly what the route serialises. Failed calls throw ApiError
// carrying the server's code, bilingual message and field details; a 401
// sends the user to the login page (unless the caller handles it).
import type { z } from 'zod';

/** What a response schema puts on the wire (its encoded side: timestamps as ISO strings). */
export type Wire<S extends z.ZodType> = z.input<S>;
/** What a request schema accepts from the screen (defaults may be left out). */
export type Body<S extends z.ZodType> = z.input<S>;
/** A query-string schema's fields as the screen passes them (coerced on the server; defaults may be left out). */
export type Query<S extends z.ZodType> = Partial<z.output<S>>;
export type FieldDetail = { field: string; code: string; message: string; messageEn: string };

export type ErrorBody = {
  code: string;
  message: string;
  messageEn?: string;
  details?: FieldDetail[];
  [extra: string]: unknown;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message || body.code);
  }
  get code(): string {
    return this.body.code;
  }
  get details(): FieldDetail[] {
    return this.body.details ?? [];
  }
  text(lang: 'zh' | 'en'): string {
    return lang === 'en' && this.body.messageEn ? this.body.messageEn : this.body.message;
  }
}

/** status 0: the server could not be reached. */
export const networkError = () => new ApiError(0, { code: 'network', message: '无法连接服务器', messageEn: 'Cannot reach the server' });

type Options = { method?: string; body?: unknown; form?: FormData; signal?: AbortSignal; handle401?: boolean };

export function loginRedirectUrl(): string {
  const here = window.location.pathname + window.location.search;
  return here.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

export async function api<T>(url: string, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(url, { method: opts.method ?? 'GET', headers, body, signal: opts.signal, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw networkError();
  }
  if (res.ok) return (await res.json()) as T;

  let parsed: ErrorBody;
  try {
    parsed = (await res.json()) as ErrorBody;
  } catch {
    parsed = { code: res.status >= 500 ? 'internal' : 'http_' + res.status, message: `HTTP ${res.status}`, messageEn: `HTTP ${res.status}` };
  }
  if (res.status === 401 && !opts.handle401) window.location.assign(loginRedirectUrl());
  throw new ApiError(res.status, parsed);
}

/** Query string from a record, skipping empty values; arrays become comma lists. */
export function toQuery(params: Record<string, string | number | boolean | undefined | null | (string | number)[]>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) sp.set(k, v.join(','));
    } else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
