// Every table of every src/db/schema*.ts, found by file name, so a feature's new
// schema file is checked without being registered anywhere (decision 1900).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PgTable } from 'drizzle-orm/pg-core';

export async function loadSchemaTables(): Promise<PgTable[]> {
  const dir = import.meta.dirname;
  const files = fs.readdirSync(dir).filter((f) => /^schema(-[a-z0-9-]+)?\.ts$/.test(f)).sort();
  const seen = new Set<PgTable>();
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as Record<string, unknown>;
    for (const v of Object.values(mod)) if (v instanceof PgTable) seen.add(v);
  }
  return [...seen];
}
