// Search without extensions or locale tricks: each retailer carries the n-grams
// of its searchable fields in a text[] column with a GIN index, and a query is
// turned into the n-grams it must contain. Chinese runs give bigrams (shop
// names are short; users type 2–4 characters); Latin/digit runs give
// trigrams (codes, phones, pinyin initials), which are selective enough for
// 300,000 rows. The SQL then re-checks the exact substring.
import { pinyin } from 'pinyin-pro';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Lower case, full-width to half-width, no spaces or punctuation. */
export function normalizeSearchText(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s\-_,.，。、（）()#·/]+/g, '');
}

/** Split into runs of CJK characters and runs of other (Latin, digits). */
function runs(s: string): { cjk: boolean; text: string }[] {
  const out: { cjk: boolean; text: string }[] = [];
  for (const ch of s) {
    const cjk = CJK.test(ch);
    const last = out[out.length - 1];
    if (last && last.cjk === cjk) last.text += ch;
    else out.push({ cjk, text: ch });
  }
  return out;
}

function grams(text: string, n: number, into: Set<string>) {
  const chars = Array.from(text);
  for (let i = 0; i + n <= chars.length; i++) into.add(chars.slice(i, i + n).join(''));
}

/**
 * The n-grams of one normalised text, plus a bigram across each boundary
 * between a Chinese run and a Latin/digit run (街1 in 北正街173号), so that a
 * query mixing both (街173) needs a selective token, not only the common 173.
 * Latin/digit runs are stored as trigrams and 4-grams: a query of four or more
 * digits or letters (a phone tail 1430, initials bldl) asks for 4-grams, whose
 * posting lists are about ten times shorter than a digit trigram's, and a
 * query of exactly four is answered by its one token without a re-check.
 */
function textTokens(text: string, into: Set<string>, forQuery: boolean) {
  const rs = runs(text);
  rs.forEach((r, i) => {
    if (r.cjk) grams(r.text, 2, into);
    else if (!forQuery) {
      grams(r.text, 3, into);
      grams(r.text, 4, into);
    } else grams(r.text, Array.from(r.text).length >= 4 ? 4 : 3, into);
    if (i > 0) boundaryTokens(Array.from(rs[i - 1].text), Array.from(r.text), into);
  });
}

/**
 * Across a boundary between runs (正街|18): the bigram 街1, and the trigrams
 * 街18 and 正街1 where the runs are long enough. An address fragment like
 * 正街18 otherwise has only 正街 and 街1 to ask for, which thousands of
 * addresses share, and each candidate costs a heap visit to re-check.
 */
function boundaryTokens(prev: string[], next: string[], into: Set<string>) {
  const a = prev.at(-1)!;
  into.add(a + next[0]);
  if (next.length >= 2) into.add(a + next[0] + next[1]);
  if (prev.length >= 2) into.add(prev.at(-2)! + a + next[0]);
}

/** Tokens stored for a document (all fields joined). */
export function documentTokens(fields: string[]): string[] {
  const set = new Set<string>();
  for (const f of fields) textTokens(normalizeSearchText(f), set, false);
  return [...set];
}

/**
 * Tokens a query needs. Empty when the query is too short to use the index
 * (one Chinese character, or fewer than three letters/digits): the caller then
 * falls back to a substring scan.
 */
export function queryTokens(q: string): string[] {
  const set = new Set<string>();
  textTokens(normalizeSearchText(q), set, true);
  return [...set];
}

/**
 * The tokens worth asking the index for: at most `max`, spread over the query
 * (first, last, evenly between). Each token costs a GIN posting-list read, and
 * the ten overlapping digit trigrams of a customer code are mostly redundant;
 * the caller's substring re-check keeps the answer exact.
 */
export function indexTokens(tokens: string[], max = 4): string[] {
  if (tokens.length <= max) return tokens;
  const picked = new Set<string>();
  for (let k = 0; k < max; k++) picked.add(tokens[Math.round((k * (tokens.length - 1)) / (max - 1))]);
  return [...picked];
}

/** Pinyin initials of a Chinese name: 便利店 → bld. Non-Chinese characters kept as they are. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The fields that search covers, in one place for the writer and the importer. */
export function retailerSearchTokens(r: {
  shopName: string;
  customerCode: string;
  licenceNo: string;
  phone: string;
  address: string;
  legalPerson: string;
}): { tokens: string[]; initials: string } {
  const initials = pinyinInitials(r.shopName);
  return {
    initials,
    tokens: documentTokens([r.shopName, r.customerCode, r.licenceNo, r.phone, r.address, r.legalPerson, initials]),
  };
}

/**
 * A query that could be (part of) a phone number: digits, maybe with the
 * mask's stars, at least three of them. Such searches are audited, since a
 * phone number is personal data (issue 13, item 8).
 */
export function isPhoneLikeQuery(q: string): boolean {
  const n = normalizeSearchText(q);
  return /^[\d*]+$/.test(n) && (n.match(/\d/g)?.length ?? 0) >= 3;
}
