// The retailer list's state lives in the URL query (so back/forward and shared
// links work); these read it, write it, and turn it into the API query.
import { RETAILER_SORTS } from '../../../../shared/retailer.js';

export type ListParams = {
  q: string;
  stationId: number[];
  gridId: number[];
  network: string[];
  businessFormat: string[];
  districtType: string[];
  star: number[];
  classCode: string[];
  status: string[];
  tierMin?: number;
  tierMax?: number;
  eSettlement?: 'true' | 'false';
  sort?: (typeof RETAILER_SORTS)[number];
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

export const DEFAULT_PAGE_SIZE = 20;
const NUMBER_LISTS = ['stationId', 'gridId', 'star'] as const;
const TEXT_LISTS = ['network', 'businessFormat', 'districtType', 'classCode', 'status'] as const;

const ints = (s: string | null) =>
  (s ?? '')
    .split(',')
    .filter((x) => x !== '')
    .map(Number)
    .filter((n) => Number.isInteger(n));
const texts = (s: string | null) => (s ?? '').split(',').filter((x) => x !== '');
const posInt = (s: string | null) => {
  const n = Number(s);
  return s !== null && s !== '' && Number.isInteger(n) && n > 0 ? n : undefined;
};

export function readListParams(sp: URLSearchParams): ListParams {
  const sort = sp.get('sort');
  const order = sp.get('order');
  const e = sp.get('eSettlement');
  const p: ListParams = {
    q: sp.get('q') ?? '',
    stationId: ints(sp.get('stationId')),
    gridId: ints(sp.get('gridId')),
    network: texts(sp.get('network')),
    businessFormat: texts(sp.get('businessFormat')),
    districtType: texts(sp.get('districtType')),
    star: ints(sp.get('star')),
    classCode: texts(sp.get('classCode')),
    status: texts(sp.get('status')),
    tierMin: posInt(sp.get('tierMin')),
    tierMax: posInt(sp.get('tierMax')),
    eSettlement: e === 'true' || e === 'false' ? e : undefined,
    sort: (RETAILER_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ListParams['sort']) : undefined,
    order: order === 'asc' || order === 'desc' ? order : undefined,
    page: posInt(sp.get('page')) ?? 1,
    pageSize: Math.min(posInt(sp.get('pageSize')) ?? DEFAULT_PAGE_SIZE, 200),
  };
  return p;
}

function filterEntries(p: ListParams): [string, string][] {
  const out: [string, string][] = [];
  if (p.q.trim()) out.push(['q', p.q.trim()]);
  for (const k of NUMBER_LISTS) if (p[k].length) out.push([k, p[k].join(',')]);
  for (const k of TEXT_LISTS) if (p[k].length) out.push([k, p[k].join(',')]);
  if (p.tierMin) out.push(['tierMin', String(p.tierMin)]);
  if (p.tierMax) out.push(['tierMax', String(p.tierMax)]);
  if (p.eSettlement) out.push(['eSettlement', p.eSettlement]);
  return out;
}

// Commas stay readable: they separate list values and the API splits on them.
const encode = (entries: [string, string][]) =>
  entries.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&');

function sortEntries(p: ListParams): [string, string][] {
  const out: [string, string][] = [];
  if (p.sort) out.push(['sort', p.sort]);
  if (p.order) out.push(['order', p.order]);
  return out;
}

/** The URL query (without "?"): filters, then sort and paging when not the defaults. */
export function writeListParams(p: ListParams): string {
  const out = [...filterEntries(p), ...sortEntries(p)];
  if (p.page > 1) out.push(['page', String(p.page)]);
  if (p.pageSize !== DEFAULT_PAGE_SIZE) out.push(['pageSize', String(p.pageSize)]);
  return encode(out);
}

/** Query string for GET /api/retailers. */
export function apiQuery(p: ListParams): string {
  return `?${encode([...filterEntries(p), ...sortEntries(p), ['page', String(p.page)], ['pageSize', String(p.pageSize)]])}`;
}

/** Only the filters (for the export). */
export function filterQuery(p: ListParams): string {
  return encode(filterEntries(p));
}

/** A filter change starts again at page 1. */
export function withFilters(p: ListParams, change: Partial<ListParams>): ListParams {
  return { ...p, ...change, page: 1 };
}

export function hasFilters(p: ListParams): boolean {
  return filterEntries({ ...p, q: '' }).length > 0;
}
