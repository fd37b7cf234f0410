// `npm run lint:distribution` (decisions 1900, 1922): reads every src/db/schema*.ts,
// and fails, naming the table, the constraint and the fix, when a tenant table
// lacks org_id or a key or foreign key without it, or when a reference or
// infrastructure table points at tenant data; and reads the SQL text of
// src/db, src/app and src/jobs for joins between tenant tables without org_id.
import fs from 'node:fs';
import path from 'node:path';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { loadSchemaTables } from '../src/db/schema-tables.js';
import { describeTables, formatProblems, kindOf, lintDistribution } from '../src/db/distribution.js';
import { findIdOnlyJoins } from '../src/db/distribution-joins.js';

const tables = await loadSchemaTables();
const problems = lintDistribution(describeTables(tables));
if (problems.length) {
  console.error(`lint:distribution — ${problems.length} problem(s) in ${tables.length} tables (rules: src/db/distribution.ts, docs/decisions/1900-distribution-keys.md)\n`);
  console.error(formatProblems(problems));
  process.exit(1);
}

const tenant = new Set(tables.map((t) => getTableConfig(t).name).filter((n) => kindOf(n) === 'tenant'));
const files: string[] = [];
const walk = (dir: string) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) files.push(p);
  }
};
for (const dir of ['src/db', 'src/app', 'src/jobs']) walk(dir);
const joins = files.flatMap((f) => findIdOnlyJoins(fs.readFileSync(f, 'utf8'), tenant).map((j) => ({ f, ...j })));
if (joins.length) {
  console.error(`lint:distribution — ${joins.length} join(s) between tenant tables without org_id (decision 1922)\n`);
  for (const j of joins) console.error(`${j.f}:${j.line}  join ${j.table} ${j.alias} on ${j.condition}\n  fix: on ${j.alias}.org_id = ${j.other}.org_id and ${j.condition}`);
  process.exit(1);
}
console.log(`lint:distribution — ${tables.length} tables ok; ${files.length} source files, no tenant join without org_id`);
