// A template rendered by SQL for many rows at once (decision 1131): the text
// is cut into its literal parts and ${variables}, and each variable becomes
// the SQL expression given for it, so the order-window reminders of a
// province are one INSERT … SELECT. A variable without an expression is the
// same error as in JS (TemplateError), before anything is written.
import { sql, type SQL } from 'drizzle-orm';
import { TemplateError } from '../../domain/notices/templates.js';

export function renderSql(text: string, vars: Record<string, SQL>): SQL {
  const parts: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    if (m.index! > last) parts.push(sql`${text.slice(last, m.index)}::text`);
    const v = vars[m[1]];
    if (!v) throw new TemplateError('unknown_variable', m[1]);
    parts.push(sql`coalesce((${v})::text, '')`);
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push(sql`${text.slice(last)}::text`);
  if (!parts.length) return sql`''::text`;
  return sql`(${sql.join(parts, sql` || `)})`;
}

/** shanghaiLabel (domain/notices/format.ts) in SQL: "12月5日(周六) 12:00", Beijing time. */
export function shanghaiLabelSql(ts: SQL): SQL {
  const local = sql`((${ts}) at time zone 'UTC' + interval '8 hours')`;
  return sql`(to_char(${local}, 'FMMM') || '月' || to_char(${local}, 'FMDD') || '日(周' || (array['日','一','二','三','四','五','六'])[extract(dow from ${local})::int + 1] || ') ' || to_char(${local}, 'HH24:MI'))`;
}
