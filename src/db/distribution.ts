// The distribution rules of the schema (issue 19, decision 1900): every tenant
// table is distributed by org_id, so its primary key, unique constraints and
// foreign keys to other tenant tables include org_id; reference tables are
// replicated whole and never point at tenant data; infrastructure tables stay
// on the coordinator. `npm run lint:distribution` checks the Drizzle schema
// with `lintDistribution(describeSchema())`, and an integration test checks the
// migrated database's catalog with the same function.
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';

/**
 * Tables without org_id, replicated to every node. The only list: a table not
 * named here or in INFRASTRUCTURE_TABLES is a tenant table.
 */
export const REFERENCE_TABLES: Record<string, string> = {
  orgs: 'the org tree: every county, city and province reads its own row and its parents; small and read-mostly',
  product_catalog:
    'the cigarette catalogue (卷烟规格) by code, shared by every county: a few thousand rows, changed by the province, read by every listing (products) and every roll-up by product (decision 1930)',
};

/**
 * Tables that are neither distributed nor replicated: they live on the
 * coordinator (one PostgreSQL server for a county or a province), are looked
 * up by a key the request does not know the org of, and hold no tenant
 * business data. They may not have foreign keys to tenant tables.
 */
export const INFRASTRUCTURE_TABLES: Record<string, string> = {
  sessions: 'looked up by the cookie token alone, before the org is known; rows expire',
  login_attempts: 'failed-login counters keyed by username and client address, counted before the org is known; rows expire with their window',
  jobs: 'the durable job queue: claimed across orgs by runners with SKIP LOCKED, cron jobs have no org; org_id (nullable) only scopes who may read a job',
};

/**
 * Unique indexes of tenant tables that must hold across all orgs, each with
 * why and what replaces it when the schema is distributed. Keep it tiny.
 */
export const GLOBAL_UNIQUES: Record<string, string> = {
  survey_sample_token:
    'an SMS survey link carries only its token (the public answer page knows no org), so its hash is unique system-wide; on a distributed engine the token directory (hash → org, round, shop) is an infrastructure table on the coordinator, like the login names',
  users_username:
    'a login name is unique in the whole system because login knows no org; on a distributed engine the login directory (username → org, user) becomes an infrastructure table on the coordinator (docs/scale-out.md)',
};

export const ORG_COLUMN = 'org_id';

export type TableShape = {
  name: string;
  columns: { name: string; notNull: boolean }[];
  primaryKey: string[] | null;
  uniques: { name: string; columns: string[] }[];
  foreignKeys: { name: string; columns: string[]; foreignTable: string; foreignColumns: string[] }[];
};

export type DistributionProblem = { table: string; constraint?: string; message: string; fix: string };

export type TableKind = 'tenant' | 'reference' | 'infrastructure';

export function kindOf(table: string): TableKind {
  if (table in REFERENCE_TABLES) return 'reference';
  if (table in INFRASTRUCTURE_TABLES) return 'infrastructure';
  return 'tenant';
}

/** Every rule of decision 1900 over a description of the tables (from Drizzle or from the catalog). */
export function lintDistribution(tables: TableShape[]): DistributionProblem[] {
  const problems: DistributionProblem[] = [];
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const name of [...Object.keys(REFERENCE_TABLES), ...Object.keys(INFRASTRUCTURE_TABLES)]) {
    if (!byName.has(name)) {
      problems.push({ table: name, message: `is listed in src/db/distribution.ts but no such table exists`, fix: `remove it from REFERENCE_TABLES / INFRASTRUCTURE_TABLES` });
    }
  }
  for (const t of tables) {
    const kind = kindOf(t.name);
    const org = t.columns.find((c) => c.name === ORG_COLUMN);
    if (kind === 'tenant') {
      if (!org) {
        problems.push({
          table: t.name,
          message: `tenant table has no ${ORG_COLUMN} column`,
          fix: `add orgId: integer('org_id').notNull().references(() => orgs.id) and include it in every key; or, if it is a shared dictionary, list it in REFERENCE_TABLES (src/db/distribution.ts) with the reason`,
        });
        continue;
      }
      if (!org.notNull) {
        problems.push({ table: t.name, message: `tenant table's ${ORG_COLUMN} is nullable`, fix: `make org_id .notNull()` });
      }
      if (!t.primaryKey) {
        problems.push({ table: t.name, message: `tenant table has no primary key`, fix: `add primaryKey({ columns: [t.id, t.orgId] })` });
      } else if (!t.primaryKey.includes(ORG_COLUMN)) {
        problems.push({
          table: t.name,
          constraint: `primary key (${t.primaryKey.join(', ')})`,
          message: `primary key lacks ${ORG_COLUMN}`,
          fix: `drop .primaryKey() from the column and add primaryKey({ columns: [${t.primaryKey.map(camel).map((c) => `t.${c}`).join(', ')}, t.orgId] }) to the table's extra config`,
        });
      }
      for (const u of t.uniques) {
        if (!u.columns.includes(ORG_COLUMN) && !(u.name in GLOBAL_UNIQUES)) {
          problems.push({
            table: t.name,
            constraint: `unique ${u.name} (${u.columns.join(', ')})`,
            message: `unique constraint lacks ${ORG_COLUMN}`,
            fix: `uniqueIndex('${u.name}').on(${u.columns.map(camel).map((c) => `t.${c}`).join(', ')}, t.orgId), and add org_id to any ON CONFLICT target naming it`,
          });
        }
      }
      for (const fk of t.foreignKeys) {
        const target = kindOf(fk.foreignTable);
        if (target !== 'tenant') continue;
        const i = fk.columns.indexOf(ORG_COLUMN);
        if (i < 0 || fk.foreignColumns[i] !== ORG_COLUMN) {
          const own = fk.columns.filter((c) => c !== ORG_COLUMN);
          const theirs = fk.foreignColumns.filter((c) => c !== ORG_COLUMN);
          problems.push({
            table: t.name,
            constraint: `foreign key ${fk.name} (${fk.columns.join(', ')}) → ${fk.foreignTable} (${fk.foreignColumns.join(', ')})`,
            message: `foreign key to a tenant table lacks ${ORG_COLUMN} on both sides`,
            fix: `remove .references() from the column and add foreignKey({ name: '${t.name}_${own.join('_')}_fk', columns: [t.orgId, ${own.map((c) => `t.${camel(c)}`).join(', ')}], foreignColumns: [${camel(fk.foreignTable)}.orgId, ${theirs.map((c) => `${camel(fk.foreignTable)}.${camel(c)}`).join(', ')}] }) (the helper tenantFk in src/db/tenant-keys.ts does this)`,
          });
        }
      }
    } else {
      for (const fk of t.foreignKeys) {
        if (kindOf(fk.foreignTable) === 'tenant') {
          problems.push({
            table: t.name,
            constraint: `foreign key ${fk.name} (${fk.columns.join(', ')}) → ${fk.foreignTable}`,
            message: `${kind} table references the tenant table ${fk.foreignTable}`,
            fix:
              kind === 'reference'
                ? `a replicated dictionary may not point at distributed data: move the link to the tenant side, or make ${t.name} a tenant table (org_id in its keys)`
                : `drop the foreign key (keep the id column); infrastructure tables stay on the coordinator and cannot reference distributed tables`,
          });
        }
      }
    }
  }
  return problems;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The Drizzle schema's tables in the shape the lint reads. */
export function describeTables(tables: PgTable[]): TableShape[] {
  return tables.map((table) => {
    const c = getTableConfig(table);
    const inlinePk = c.columns.filter((col) => col.primary).map((col) => col.name);
    const pk = c.primaryKeys[0]?.columns.map((col) => col.name) ?? (inlinePk.length ? inlinePk : null);
    const uniques = [
      ...c.indexes.filter((i) => i.config.unique).map((i) => ({ name: i.config.name ?? '?', columns: i.config.columns.map((col) => ('name' in col ? String(col.name) : '(expression)')) })),
      ...c.uniqueConstraints.map((u) => ({ name: u.getName() ?? '?', columns: u.columns.map((col) => col.name) })),
      ...c.columns.filter((col) => col.isUnique).map((col) => ({ name: col.uniqueName ?? `${c.name}_${col.name}_unique`, columns: [col.name] })),
    ];
    const foreignKeys = c.foreignKeys.map((fk) => {
      const r = fk.reference();
      return { name: fk.getName(), columns: r.columns.map((col) => col.name), foreignTable: getTableConfig(r.foreignTable).name, foreignColumns: r.foreignColumns.map((col) => col.name) };
    });
    return { name: c.name, columns: c.columns.map((col) => ({ name: col.name, notNull: col.notNull })), primaryKey: pk, uniques, foreignKeys };
  });
}

export function formatProblems(problems: DistributionProblem[]): string {
  return problems.map((p) => `✗ ${p.table}${p.constraint ? ` — ${p.constraint}` : ''}: ${p.message}\n    fix: ${p.fix}`).join('\n');
}
