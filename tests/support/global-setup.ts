// Once per run of a database project: drop templates unused for a day, then
// build (or find) the migrated and the seeded template, so files only copy.
import { DEFAULT_DEMO, pgliteTemplate, postgresTemplate, sweepTemplates, type Engine } from './db-template.js';

export default async function setup() {
  const engine = (process.env.TEST_DB ?? 'pglite') as Engine;
  const t0 = Date.now();
  await sweepTemplates(engine);
  const build = engine === 'pglite' ? pgliteTemplate : postgresTemplate;
  await build();
  const name = await build(DEFAULT_DEMO);
  console.log(`test template (${engine}) ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${name}`);
}
