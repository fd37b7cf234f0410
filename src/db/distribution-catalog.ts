// The migrated database's own description of its tables, in the shape the
// distribution lint reads (decision 1900): what the migrations really built,
// custom SQL included, not what the Drizzle schema says they should.
import { sql } from 'drizzle-orm';
import { query, type Db } from './client.js';
import type { TableShape } from './distribution.js';

export async function describeCatalog(db: Db): Promise<TableShape[]> {
  const tables = await query<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c where c.relkind in ('r', 'p') and c.relnamespace = 'public'::regnamespace order by 1`,
  );
  const columns = await query<{ table: string; name: string; notNull: boolean }>(
    db,
    sql`select c.relname as "table", a.attname as name, a.attnotnull as "notNull" from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped order by a.attnum`,
  );
  // Keys and unique indexes with their columns in order; foreign keys with the referenced table and columns.
  const keys = await query<{ table: string; name: string; kind: string; columns: string[]; foreignTable: string | null; foreignColumns: string[] | null }>(
    db,
    sql`select c.relname as "table", k.conname as name, k.contype::text as kind,
        array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
        f.relname as "foreignTable",
        case when k.contype = 'f' then array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) end as "foreignColumns"
      from pg_constraint k join pg_class c on c.oid = k.conrelid left join pg_class f on f.oid = k.confrelid
      where c.relnamespace = 'public'::regnamespace and k.contype in ('p', 'u', 'f')`,
  );
  const uniqueIndexes = await query<{ table: string; name: string; columns: string[] }>(
    db,
    sql`select c.relname as "table", i.relname as name,
        array(select coalesce(a.attname::text, '(expression)') from unnest(x.indkey) with ordinality u(n, o) left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.n order by u.o) as columns
      from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
      where c.relnamespace = 'public'::regnamespace and x.indisunique and not x.indisprimary
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`,
  );
  return tables
    .filter((t) => !t.name.startsWith('__drizzle'))
    .map((t) => ({
      name: t.name,
      columns: columns.filter((c) => c.table === t.name).map((c) => ({ name: c.name, notNull: c.notNull })),
      primaryKey: keys.find((k) => k.table === t.name && k.kind === 'p')?.columns ?? null,
      uniques: [
        ...keys.filter((k) => k.table === t.name && k.kind === 'u').map((k) => ({ name: k.name, columns: k.columns })),
        ...uniqueIndexes.filter((u) => u.table === t.name).map((u) => ({ name: u.name, columns: u.columns })),
      ],
      foreignKeys: keys
        .filter((k) => k.table === t.name && k.kind === 'f')
        .map((k) => ({ name: k.name, columns: k.columns, foreignTable: k.foreignTable!, foreignColumns: k.foreignColumns ?? [] })),
    }));
}
