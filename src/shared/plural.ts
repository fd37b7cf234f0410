// English counts with the noun in the form the number takes ("1 retailer",
// "2 retailers", "0 retailers"), by the CLDR plural rules (Intl.PluralRules),
// for the web dictionaries and for the domain's message templates (ICU-style
// `{n, plural, one {# point} other {# points}}`). Chinese has no plural forms:
// its strings need neither (decision 1442).

const englishRules = new Intl.PluralRules('en');

/**
 * The noun for a count: `one` for 1, `other` (by default `one` + "s") for every other number. The count may be
 * already formatted ("5,000").
 */
export function nounFor(n: number | string, one: string, other = `${one}s`): string {
  const value = typeof n === 'number' ? n : Number(n.replace(/[,\s]/g, ''));
  return englishRules.select(value) === 'one' ? one : other;
}

/** "1 retailer", "3 retailers": the count as given, a space and its noun. */
export function countOf(n: number | string, one: string, other = `${one}s`): string {
  return `${n} ${nounFor(n, one, other)}`;
}

/**
 * Fills a message template: `{name}` by the parameter, and ICU's plural form
 * `{name, plural, one {…} other {…}}` by the branch the number takes (`=0`,
 * `=1`… exact matches first), `#` in the branch being the number. An unknown
 * name is left as written.
 */
export function fillMessage(template: string, params: Readonly<Record<string, string | number>>): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const close = matchingBrace(template, open);
    if (close < 0) {
      out += template.slice(open);
      return out;
    }
    out += fillPlaceholder(template.slice(open + 1, close), template.slice(open, close + 1), params);
    i = close + 1;
  }
  return out + template.slice(i);
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

function fillPlaceholder(body: string, whole: string, params: Readonly<Record<string, string | number>>): string {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,(.*)$/s.exec(body);
  if (!plural) {
    const name = body.trim();
    return /^\w+$/.test(name) && Object.hasOwn(params, name) ? String(params[name]) : whole;
  }
  const [, name, rest] = plural as unknown as [string, string, string];
  if (!Object.hasOwn(params, name)) return whole;
  const value = params[name]!;
  const n = Number(value);
  const branches = new Map<string, string>();
  for (let j = 0; j < rest.length; ) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest.slice(j));
    if (!m) break;
    const start = j + m[0].length - 1;
    const end = matchingBrace(rest, start);
    if (end < 0) break;
    branches.set(m[1]!, rest.slice(start + 1, end));
    j = end + 1;
  }
  const branch = branches.get(`=${n}`) ?? branches.get(englishRules.select(n)) ?? branches.get('other');
  if (branch === undefined) return whole;
  return fillMessage(branch.replace(/#/g, String(value)), params);
}
