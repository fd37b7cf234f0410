// A database of its own on the PostgreSQL server for a benchmark run
// (BENCH_DATABASE_URL, default the local server): dropped and created again,
// unless `keep` asks to reuse one that exists (to measure again without
// seeding again).
import pg from 'pg';

export const BENCH_SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function benchDatabase(
  name: string,
  { keep = false, server = BENCH_SERVER }: { keep?: boolean; server?: string } = {},
): Promise<{ url: string; kept: boolean }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`benchmark database name ${JSON.stringify(name)}: lower-case letters, digits and _ only`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
    const kept = keep && exists;
    if (!kept) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    }
    return { url: url.toString(), kept };
  } finally {
    await admin.end();
  }
}
