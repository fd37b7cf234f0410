// Joins between tenant tables must name org_id on both sides (decision 1922):
// `join users u on u.org_id = g.org_id and u.id = g.worker_id`, not `on u.id =
// g.worker_id`, or a distributed engine cannot keep the join on one node. This
// reads the SQL text of the source (template literals, as written) and finds
// `join <tenant table> <alias> on …` whose condition compares it with another
// alias of a tenant table and never mentions org_id. An alias it cannot tie to
// a table (a subquery, a CTE, a fragment built elsewhere) is left alone, so a
// hit is always a real join between two tenant tables.

export type IdOnlyJoin = { line: number; index: number; conditionStart: number; table: string; alias: string; other: string; condition: string };

const KEYWORDS = new Set(['on', 'where', 'join', 'left', 'right', 'inner', 'full', 'cross', 'lateral', 'using', 'group', 'order', 'limit', 'and', 'or', 'set', 'select', 'as']);
const JOIN = /\bjoin\s+([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?\s+on\s+/gi;
/** Where a join condition ends: the next clause, a closing parenthesis at depth 0, the end of the template, or an interpolation that starts a clause. */
const END = /\b(?:left\s+|right\s+|inner\s+|full\s+|cross\s+)?join\b|\bwhere\b|\bgroup\s+by\b|\border\s+by\b|\blimit\b|\bhaving\b|\bunion\b|\breturning\b|\bon\s+conflict\b|\bwindow\b|`|;/i;

function conditionAt(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return text.slice(start, i);
      depth--;
    } else if (depth === 0 && /[a-z`;]/i.test(ch!) && (i === start || !/[a-z0-9_]/i.test(text[i - 1]!))) {
      const m = END.exec(text.slice(i, i + 20));
      if (m && m.index === 0) return text.slice(start, i);
    }
  }
  return text.slice(start);
}

/**
 * The table an alias names in the same piece of SQL text (between the
 * template's backticks), or undefined when it is not one table there: a CTE
 * or subquery of that name, two tables under one alias, or defined in another
 * fragment.
 */
function tableOfAlias(segment: string, alias: string): string | undefined {
  if (new RegExp(`\\b${alias}\\s+as\\s*\\(|\\)\\s*(?:as\\s+)?${alias}\\b`, 'i').test(segment)) return undefined;
  const re = new RegExp(`\\b(?:from|join|,)\\s+([a-z_][a-z0-9_]*)\\s+(?:as\\s+)?${alias}\\b(?!\\s*\\()`, 'gi');
  const tables = new Set<string>();
  for (const m of segment.matchAll(re)) tables.add(m[1]!.toLowerCase());
  return tables.size === 1 ? [...tables][0] : undefined;
}

/** The SQL text around `at`: from the backtick before it to the backtick after it. */
function segmentAt(text: string, at: number): string {
  const start = text.lastIndexOf('`', at) + 1;
  const end = text.indexOf('`', at);
  return text.slice(start, end < 0 ? text.length : end);
}

export function findIdOnlyJoins(text: string, tenantTables: ReadonlySet<string>): IdOnlyJoin[] {
  const out: IdOnlyJoin[] = [];
  for (const m of text.matchAll(JOIN)) {
    const table = m[1]!.toLowerCase();
    const alias = (m[2] && !KEYWORDS.has(m[2].toLowerCase()) ? m[2] : m[1]!).toLowerCase();
    if (!tenantTables.has(table)) continue;
    const start = m.index! + m[0].length;
    const condition = conditionAt(text, start).trim();
    // `/* cross-org: why */` marks the one kind of join that must not name org_id: a reference that may point into
    // another org by design (an audit row's user can be a province user or the administrator who moved a shop in).
    if (/\borg_id\b/i.test(condition) || condition.includes('${') || condition.includes('cross-org')) continue;
    const others = new Set([...condition.matchAll(/\b([a-z_][a-z0-9_]*)\.[a-z_][a-z0-9_]*/gi)].map((x) => x[1]!.toLowerCase()).filter((a) => a !== alias));
    for (const other of others) {
      const otherTable = tableOfAlias(segmentAt(text, m.index!), other);
      if (otherTable && tenantTables.has(otherTable)) {
        out.push({ line: text.slice(0, m.index).split('\n').length, index: m.index!, conditionStart: start, table, alias, other, condition: condition.replace(/\s+/g, ' ') });
        break;
      }
    }
  }
  return out;
}
