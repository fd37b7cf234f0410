// `npm run lint:distribution` (decision 1900): reads every src/db/schema*.ts,
// and fails, naming the table, the constraint and the fix, when a tenant table
// lacks org_id or a key or foreign key without it, or when a reference or
// infrastructure table points at tenant data.
import { loadSchemaTables } from '../src/db/schema-tables.js';
import { describeTables, formatProblems, lintDistribution } from '../src/db/distribution.js';

const tables = await loadSchemaTables();
const problems = lintDistribution(describeTables(tables));
if (problems.length) {
  console.error(`lint:distribution — ${problems.length} problem(s) in ${tables.length} tables (rules: src/db/distribution.ts, docs/decisions/1900-distribution-keys.md)\n`);
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`lint:distribution — ${tables.length} tables ok`);
